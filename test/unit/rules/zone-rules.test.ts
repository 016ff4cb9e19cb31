// Table tests for every zone-* rule: each case is a zone snippet whose caret annotations are the exact findings
// of that rule (valid cases have none).

import assert from 'node:assert/strict';
import { assertAnnotated, lintText, marked } from '../../harness';

const SOA = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
const HEX64 = 'ab'.repeat(32);

interface RuleTable {
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
  readonly options?: Parameters<typeof assertAnnotated>[1];
}

const TABLES: Record<string, RuleTable> = {
  'zone-syntax': {
    valid: [SOA + 'txt TXT "a;b" ( "c"\n  "d" )\n'],
    invalid: [
      SOA + marked('bad TXT "unclosed', ['"unclosed', 'error', 'zone-syntax']),
      SOA + marked('bad A 192.0.2.1 )', [')', 'error', 'zone-syntax']),
      SOA + marked('$FOO bar', ['$FOO', 'error', 'zone-syntax']),
      SOA + marked('bad NS "ns1"', ['"ns1"', 'error', 'zone-syntax']),
      SOA + marked('bad A 192.0.2.1 192.0.2.2', ['192.0.2.2', 'error', 'zone-syntax']),
      SOA + marked('bad TXT ( "x"', ['(', 'error', 'zone-syntax']) + '  "y"\ngood A 192.0.2.7\n',
    ],
  },
  'zone-unknown-type': {
    valid: [SOA + 'x TYPE1 192.0.2.1\ny TYPE65280 \\# 2 abcd\n'],
    invalid: [SOA + marked('x FOO bar', ['FOO', 'error', 'zone-unknown-type']), SOA + marked('x TSIG 1', ['TSIG', 'error', 'zone-unknown-type'])],
  },
  'zone-bad-ttl': {
    valid: [SOA + 'x 1h30m A 192.0.2.1\ny 1W2d A 192.0.2.2\n'],
    invalid: [
      SOA + marked('x 1h30 A 192.0.2.1', ['1h30', 'error', 'zone-bad-ttl']),
      SOA + marked('x 5000000000 A 192.0.2.1', ['5000000000', 'error', 'zone-bad-ttl']),
      SOA + marked('x 3000000000 A 192.0.2.1', ['3000000000', 'warning', 'zone-bad-ttl']),
      marked('$TTL 30x', ['30x', 'error', 'zone-bad-ttl']) + SOA,
    ],
  },
  'zone-bad-name': {
    valid: [SOA + 'a\\.b TXT "escaped dot"\n', SOA + '0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM.example.com. NSEC3 1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A\n'],
    invalid: [
      SOA + marked('a..b A 192.0.2.1', ['a..b', 'error', 'zone-bad-name']),
      SOA + marked(`${'x'.repeat(64)} TXT "long"`, ['x'.repeat(64), 'error', 'zone-bad-name']),
      SOA + marked('a\\256 TXT "bad escape"', ['a\\256', 'error', 'zone-bad-name']),
      SOA + marked('Z-not-base32 NSEC3 1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A', ['Z-not-base32', 'error', 'zone-bad-name']),
      SOA + marked('0p9\\.x NSEC3 1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A', ['0p9\\.x', 'error', 'zone-bad-name']),
    ],
  },
  'zone-bad-rdata': {
    valid: [SOA + 'x A 192.0.2.1\nx AAAA 2001:db8::1\nx MX 10 mail\nmail A 192.0.2.25\n'],
    invalid: [SOA + marked('x A 192.0.2', ['192.0.2', 'error', 'zone-bad-rdata']), SOA + marked('x MX 70000 mail', ['70000', 'error', 'zone-bad-rdata'])],
  },
  'zone-txt-string-too-long': {
    valid: [SOA + `x TXT "${'a'.repeat(255)}"\n`],
    invalid: [SOA + marked(`x TXT "${'a'.repeat(256)}"`, [`"${'a'.repeat(256)}"`, 'error', 'zone-txt-string-too-long'])],
  },
  'zone-no-ttl': {
    valid: ['@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n'],
    invalid: [marked('x A 192.0.2.1', ['A', 'error', 'zone-no-ttl']) + '@ SOA ns1 hostmaster 1 3600 600 86400 300\n'],
  },
  'zone-ttl-inherited': {
    valid: [SOA],
    invalid: ['@ 3600 SOA ns1 hostmaster 1 3600 600 86400 300\n' + marked('  NS ns1', ['NS', 'warning', 'zone-ttl-inherited']) + 'ns1 A 192.0.2.53\n'],
  },
  'zone-no-owner': {
    valid: [SOA],
    invalid: ['$TTL 60\n' + marked('  A 192.0.2.1', ['A 192.0.2.1', 'error', 'zone-no-owner']) + SOA],
  },
  'zone-inherited-owner-after-origin': {
    valid: [SOA + '$ORIGIN sub.example.com.\nwww A 192.0.2.1\n'],
    invalid: [SOA + 'www A 192.0.2.1\n$ORIGIN sub.example.com.\n' + marked('  A 192.0.2.2', ['  ', 'warning', 'zone-inherited-owner-after-origin'])],
  },
  'zone-class-mismatch': {
    valid: [SOA + 'x IN A 192.0.2.1\n'],
    invalid: [SOA + marked('x CH A 192.0.2.1', ['CH', 'error', 'zone-class-mismatch'])],
  },
  'zone-include': {
    valid: [SOA + '$INCLUDE hosts.inc\n'],
    invalid: [
      SOA + marked('$INCLUDE missing.inc', ['missing.inc', 'error', 'zone-include']),
      SOA + marked('$INCLUDE /etc/passwd', ['/etc/passwd', 'error', 'zone-include']),
      SOA + marked('$INCLUDE example.com.zone', ['example.com.zone', 'error', 'zone-include']),
    ],
    options: { files: { '/work/zones/hosts.inc': 'www A 192.0.2.80\n' } },
  },
  'zone-generate': {
    valid: [SOA + '$GENERATE 1-4 host$ A 192.0.2.$\n'],
    invalid: [
      SOA + marked('$GENERATE 5-1 host$ A 192.0.2.$', ['5-1', 'error', 'zone-generate']),
      SOA + marked('$GENERATE 0-4294967295 host$ A 192.0.2.1', ['0-4294967295', 'error', 'zone-generate']),
      SOA + marked('$GENERATE 1-2 host${0,3,q} A 192.0.2.1', ['host${0,3,q}', 'error', 'zone-generate']),
      SOA + marked('$GENERATE 1-100000 host$ A 192.0.2.1', ['1-100000', 'error', 'zone-generate']),
      SOA + marked('$GENERATE 1-3/ host$ A 192.0.2.1', ['1-3/', 'error', 'zone-generate']),
    ],
  },
  'zone-soa': {
    valid: [SOA],
    invalid: [
      '$TTL 60\n' + marked('@ NS ns1', ['@', 'error', 'zone-soa']) + 'ns1 A 192.0.2.1\n',
      SOA + marked('sub SOA ns1 hostmaster 1 3600 600 86400 300', ['sub', 'error', 'zone-soa'], ['SOA', 'error', 'zone-soa']),
    ],
  },
  'zone-apex-ns-missing': {
    valid: [SOA],
    invalid: ['$TTL 60\n' + marked('@ SOA ns1 hostmaster 1 3600 600 86400 300', ['@', 'error', 'zone-apex-ns-missing'])],
  },
  'zone-cname-and-other-data': {
    valid: [SOA + 'www CNAME web\nweb A 192.0.2.80\n', SOA + 'www CNAME web\nwww RRSIG A 13 3 3600 20300101000000 20200101000000 12345 example.com. AAAA\nweb A 192.0.2.80\n'],
    invalid: [
      SOA + 'www CNAME web\n' + marked('www A 192.0.2.80', ['A', 'error', 'zone-cname-and-other-data']) + 'web A 192.0.2.80\n',
      SOA + marked('www TXT "first"', ['TXT', 'error', 'zone-cname-and-other-data']) + 'www CNAME web\n' + marked('www CNAME other', ['CNAME', 'error', 'zone-cname-and-other-data']) + 'web A 192.0.2.80\nother A 192.0.2.81\n',
    ],
  },
  'zone-target-is-cname': {
    valid: [SOA + '@ MX 10 mail\nmail A 192.0.2.25\n', SOA + '@ MX 10 mail\nmail A 192.0.2.25\nwww CNAME mail\n', SOA + '@ MX 10 mail.example.net.\nmail.example.net. CNAME mx1\n'],
    invalid: [
      SOA + marked('@ MX 10 mail', ['mail', 'warning', 'zone-target-is-cname']) + 'mail CNAME mx1\nmx1 A 192.0.2.25\n',
      SOA + marked('_sip._tcp SRV 0 5 5060 SIP', ['SIP', 'warning', 'zone-target-is-cname']) + 'sip CNAME pbx\npbx A 192.0.2.60\n',
    ],
  },
  'zone-target-no-address': {
    valid: [
      SOA + '@ MX 10 mail\nmail A 192.0.2.25\n@ MX 20 mx.other.example.\n',
      SOA + '@ MX 10 a.wild\n*.wild A 192.0.2.9\n',
      SOA + '@ MX 10 mail\nmail CNAME mx1\nmx1 AAAA 2001:db8::25\n',
      SOA + 'child NS ns.child\nns.child A 192.0.2.8\nhost.child MX 10 nowhere\n',
    ],
    invalid: [
      SOA + marked('@ MX 10 mail', ['mail', 'warning', 'zone-target-no-address']),
      SOA + marked('@ NS ns2', ['ns2', 'error', 'zone-target-no-address']),
      SOA + 'old DNAME new.example.net.\nmx.old A 192.0.2.25\n' + marked('@ MX 10 mx.old', ['mx.old', 'warning', 'zone-target-no-address']),
      SOA + 'child NS ns.child\nns.child A 192.0.2.8\n' + marked('@ MX 10 mx.child', ['mx.child', 'warning', 'zone-target-no-address']),
    ],
  },
  'zone-out-of-zone': {
    valid: [SOA + 'www.example.com. A 192.0.2.1\n'],
    invalid: [SOA + marked('www.example.org. A 192.0.2.1', ['www.example.org.', 'warning', 'zone-out-of-zone'])],
  },
  'zone-ttl-mismatch': {
    valid: [SOA + 'x 60 A 192.0.2.1\nx 60 A 192.0.2.2\n', SOA + 'x 60 A 192.0.2.1\nx 120 AAAA 2001:db8::1\nX 60 A 192.0.2.2\n'],
    invalid: [
      SOA + 'x 60 A 192.0.2.1\n' + marked('x 120 A 192.0.2.2', ['120', 'warning', 'zone-ttl-mismatch']),
      SOA + 'x 60 A 192.0.2.1\ny 60 TXT "a"\n' + marked('X 120 A 192.0.2.2', ['120', 'warning', 'zone-ttl-mismatch']) + marked('y 30 TXT "b"', ['30', 'warning', 'zone-ttl-mismatch']) + marked('x 90 A 192.0.2.3', ['90', 'warning', 'zone-ttl-mismatch']),
    ],
  },
  'zone-duplicate-record': {
    valid: [SOA + 'x A 192.0.2.1\nx A 192.0.2.2\n', SOA + 'x A 192.0.2.1\nx AAAA ::ffff:192.0.2.1\nx TXT "192.0.2.1"\n', SOA + 'x A 192.0.2.1\n$GENERATE 1-1 x A 192.0.2.$\n'],
    invalid: [
      SOA + 'x A 192.0.2.1\n' + marked('x A 192.0.2.1', ['x A 192.0.2.1', 'warning', 'zone-duplicate-record']),
      SOA + 'x A 192.0.2.1\nx A 192.0.2.2\n' + marked('X A 192.0.2.2', ['X A 192.0.2.2', 'warning', 'zone-duplicate-record']) + marked('x A 192.0.2.1', ['x A 192.0.2.1', 'warning', 'zone-duplicate-record']),
      SOA + 'x AAAA 2001:db8::1\n' + marked('x AAAA 2001:DB8:0:0::1', ['x AAAA 2001:DB8:0:0::1', 'warning', 'zone-duplicate-record']),
      SOA + 'sub NS ns1\nsub NS ns2\n' + marked('sub NS ns1.example.com.', ['sub NS ns1.example.com.', 'warning', 'zone-duplicate-record']) + 'ns2 A 192.0.2.54\n',
      SOA + 'x MX 10 mail\nx MX 20 mail\n' + marked('x MX 10 mail.example.com.', ['x MX 10 mail.example.com.', 'warning', 'zone-duplicate-record']) + 'mail A 192.0.2.25\n',
      SOA + '_sip._tcp SRV 0 5 5060 sip\n_sip._tcp SRV 0 5 5061 sip\n' + marked('_sip._tcp SRV 0 5 5060 sip', ['_sip._tcp SRV 0 5 5060 sip', 'warning', 'zone-duplicate-record']) + 'sip A 192.0.2.60\n',
      SOA + 'x DS 12345 13 2 ' + HEX64 + '\n' + marked('x DS 12345 13 2 ' + HEX64.toUpperCase(), ['x DS 12345 13 2 ' + HEX64.toUpperCase(), 'warning', 'zone-duplicate-record']),
    ],
  },
  'zone-unquoted-semicolon': {
    valid: [SOA + 'k1._domainkey TXT "v=DKIM1; k=rsa; p=MIIB"\nx TXT plain ; an ordinary comment\n'],
    invalid: [SOA + marked('k1._domainkey TXT v=DKIM1; k=rsa; p=MIIB', ['v=DKIM1; k=rsa; p=MIIB', 'warning', 'zone-unquoted-semicolon'])],
  },
  'zone-check-names': {
    valid: [
      SOA + 'host-1 A 192.0.2.1\n_dmarc TXT "v=DMARC1; p=none"\ngc._msdcs A 192.0.2.2\nx._spf A 192.0.2.3\n',
      SOA + '*.wild A 192.0.2.4\n* MX 10 host-1\n1a-b-2 AAAA 2001:db8::1\nHOST-1 A 192.0.2.1\n_sip._tcp SRV 0 5 5060 host-1\n',
    ],
    invalid: [
      SOA + marked('my_host A 192.0.2.1', ['my_host', 'warning', 'zone-check-names']),
      SOA + marked('@ MX 10 mail_relay', ['mail_relay', 'warning', 'zone-check-names']) + marked('mail_relay A 192.0.2.25', ['mail_relay', 'warning', 'zone-check-names']),
      SOA + marked('-lead A 192.0.2.1', ['-lead', 'warning', 'zone-check-names']) + marked('trail- AAAA 2001:db8::1', ['trail-', 'warning', 'zone-check-names']) + marked('a\\.b MX 10 host', ['a\\.b', 'warning', 'zone-check-names']) + 'host A 192.0.2.2\n',
      SOA + marked('a.*.w A 192.0.2.1', ['a.*.w', 'warning', 'zone-check-names'], ['a.*.w', 'warning', 'zone-check-names']) + marked('b.*.w TXT "only a literal star"', ['b.*.w', 'warning', 'zone-check-names']),
      SOA + marked('_sip._tcp SRV 0 5 5060 pbx_1', ['pbx_1', 'warning', 'zone-check-names']) + marked('@ NS ns_2.example.net.', ['ns_2.example.net.', 'warning', 'zone-check-names']),
    ],
  },
  'zone-ds-placement': {
    valid: [SOA + `child NS ns.child\nns.child A 192.0.2.8\nchild DS 12345 13 2 ${HEX64}\n`],
    invalid: [SOA + marked(`@ DS 12345 13 2 ${HEX64}`, ['@', 'error', 'zone-ds-placement']), SOA + marked(`nodeleg DS 12345 13 2 ${HEX64}`, ['nodeleg', 'error', 'zone-ds-placement'])],
  },
  'zone-unused-suppression': {
    valid: [SOA + '; zonelint-disable-next-line zone-check-names\nmy_host A 192.0.2.1\n'],
    invalid: [
      SOA + marked('; zonelint-disable-next-line zone-check-names', ['; zonelint-disable-next-line zone-check-names', 'hint', 'zone-unused-suppression']) + 'host A 192.0.2.1\n',
      SOA + marked('; zonelint-disable-next-line zone-no-such-rule', ['; zonelint-disable-next-line zone-no-such-rule', 'hint', 'zone-unused-suppression']) + 'host A 192.0.2.1\n',
    ],
  },
};

describe('zone rules', () => {
  for (const [ruleId, table] of Object.entries(TABLES)) {
    describe(ruleId, () => {
      table.valid.forEach((zone, index) => {
        it(`valid #${index + 1}`, () => assertAnnotated(zone, { ...table.options, only: [ruleId] }));
      });
      table.invalid.forEach((zone, index) => {
        it(`invalid #${index + 1}`, () => assertAnnotated(zone, { ...table.options, only: [ruleId] }));
      });
    });
  }

  describe('zone-origin-unknown', () => {
    it('valid: the origin comes from the file name', () => assertAnnotated(SOA, { path: '/work/zones/example.com.zone', origin: undefined, only: ['zone-origin-unknown'] }));
    it('invalid: no origin anywhere', () =>
      assertAnnotated(marked('$TTL 60', ['$TTL 60', 'warning', 'zone-origin-unknown']) + 'www A 192.0.2.1\n', { path: '/work/zones/hosts', origin: undefined, only: ['zone-origin-unknown'] }));
  });

  // The records of one $GENERATE line share their spans, so only the order their findings are reported in tells
  // them apart: it follows the zone, even where an owner was written before the line.
  describe('findings at one place keep the zone order', () => {
    const cases = [
      { ruleId: 'zone-check-names', zone: SOA + 'a_2 TXT "x"\n$GENERATE 1-3 a_$ A 192.0.2.$\n', owners: ['a_1', 'a_2', 'a_3'] },
      { ruleId: 'zone-ttl-mismatch', zone: SOA + 'h2 60 A 192.0.2.9\nh1 60 A 192.0.2.8\n$GENERATE 1-2 h$ 120 A 192.0.2.$\n', owners: ['h1', 'h2'] },
    ];
    for (const { ruleId, zone, owners } of cases) {
      it(ruleId, async () => {
        const found = (await lintText(zone)).filter((diagnostic) => diagnostic.ruleId === ruleId);
        assert.deepEqual(
          found.map((diagnostic) => /\b([a-z]_?[0-9])\.example\.com\./.exec(diagnostic.message)?.[1]),
          owners,
        );
      });
    }
  });

  describe('suppression comments', () => {
    it('disable-next-line silences the next record, even on its later lines', () =>
      assertAnnotated(SOA + '; zonelint-disable-next-line zone-bad-rdata\nx MX (\n  70000 mail )\n', { only: ['zone-bad-rdata', 'zone-unused-suppression'] }));
    it('disable and enable silence a range', () =>
      assertAnnotated(SOA + '; zonelint-disable zone-check-names\na_b A 192.0.2.1\nc_d A 192.0.2.2\n; zonelint-enable zone-check-names\n' + marked('e_f A 192.0.2.3', ['e_f', 'warning', 'zone-check-names']), {
        only: ['zone-check-names', 'zone-unused-suppression'],
      }));
  });

  describe('settings', () => {
    it('a rule set to off reports nothing', () => assertAnnotated(SOA + 'my_host A 192.0.2.1\n', { settings: { rules: { 'zone-check-names': 'off' } }, only: ['zone-check-names'] }));
    it('a rule severity can be raised', () =>
      assertAnnotated(SOA + marked('my_host A 192.0.2.1', ['my_host', 'error', 'zone-check-names']), { settings: { rules: { 'zone-check-names': 'error' } }, only: ['zone-check-names'] }));
  });
});
