// Linear time on the inputs most likely to make a zone linter quadratic: each line repeated many times, timed
// at one copy (50k characters or more) and at ten copies, through the whole core (parse, rules, suppressions).

import assert from 'node:assert/strict';
import { LINEAR_BOUND, tenfoldCost } from './harness';

const cases: readonly { name: string; unit: string }[] = [
  { name: 'a comment on every record line', unit: 'www 60 IN A 192.0.2.1 ; web server\n' },
  { name: 'comment-only lines', unit: '; a comment line\n' },
  { name: 'comments in CRLF lines', unit: 'www 60 IN A 192.0.2.1 ; web server\r\n' },
  { name: 'comments in lines ended by a lone CR', unit: 'www 60 IN A 192.0.2.1 ; web server\r' },
  { name: 'an unclosed parenthesis on every line', unit: 'a IN TXT ( "x"\n' },
  { name: 'nested unclosed parentheses', unit: '( (\n' },
  { name: 'a stray ) on every line', unit: 'a IN A 192.0.2.1 )\n' },
  { name: 'an unclosed quote on every line', unit: 'a IN TXT "x\n' },
  { name: 'multi-line records', unit: 'a IN TXT (\n  "x"\n  "y" )\n' },
  { name: 'owner inherited after $ORIGIN', unit: '$ORIGIN a.example.com.\n  IN A 192.0.2.1\n' },
  { name: '$GENERATE lines', unit: '$GENERATE 1-50 h$ IN A 192.0.2.$\n' },
  { name: '$INCLUDE of the same file', unit: '$INCLUDE included.zone\n' },
  { name: 'long TXT strings', unit: `t IN TXT "${'x'.repeat(250)}" "${'y'.repeat(250)}"\n` },
  { name: 'duplicate records at one owner', unit: 'dup IN A 192.0.2.9\n' },
  { name: 'TTL mismatches at one owner', unit: 'vpn 300 IN A 192.0.2.40\nvpn 3600 IN A 192.0.2.41\n' },
  { name: 'CNAME and other data at one owner', unit: 'alias IN CNAME www\nalias IN TXT "x"\n' },
  { name: 'many MX records to a host with many addresses', unit: '@ IN MX 10 mail\nmail IN A 192.0.2.25\n' },
  { name: 'SPF records at one owner', unit: '@ IN TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.com -all"\n' },
  { name: 'DMARC records at one owner', unit: '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:d@example.com"\n' },
  { name: 'DKIM records at one owner', unit: 's1._domainkey IN TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3"\n' },
  { name: 'disable-next-line comments with nothing after them', unit: '; zonelint-disable-next-line zone-syntax\n' },
  { name: 'disable-next-line comments above records', unit: '; zonelint-disable-next-line zone-duplicate-record\ndup IN A 192.0.2.9\n' },
  { name: 'disable and enable around findings', unit: '; zonelint-disable zone-bad-ttl\nx 1h30 IN A 192.0.2.1\n; zonelint-enable zone-bad-ttl\n' },
];

describe('linear time on repetitive input', function () {
  this.timeout(180000);

  for (const c of cases) {
    it(`${c.name}: ten copies cost less than ${LINEAR_BOUND} times one`, async () => {
      const { single, tenfold, ratio } = await tenfoldCost(c.unit, 50000);
      assert.ok(ratio < LINEAR_BOUND, `10x input took ${tenfold.toFixed(1)} ms, 1x took ${single.toFixed(1)} ms (x${ratio.toFixed(1)})`);
    });
  }
});
