// Table test for completion: at each `{|}` cursor, the labels offered must include some and exclude others, and
// the text they replace must be the word typed so far.

import assert from 'node:assert/strict';
import { completionsAt } from '../../server/src/core/services/completion';
import { atCursor, HEAD } from './cursor';

interface CompletionCase {
  readonly name: string;
  readonly text: string;
  readonly includes: readonly string[];
  readonly excludes?: readonly string[];
  /** The text the first completion replaces. */
  readonly replaces?: string;
}

const MAIL = `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"\n`;

const cases: readonly CompletionCase[] = [
  { name: 'owner names for mail records at a line start', text: `${HEAD}{|}`, includes: ['_dmarc', '<selector>._domainkey', '<domain>._report._dmarc'] },
  { name: 'RR types after an owner', text: `${HEAD}www {|}`, includes: ['A', 'TXT', 'MX', 'CAA'], excludes: ['ANY', 'MD', 'AXFR'] },
  { name: 'RR types after TTL and class, replacing the letters typed', text: `${HEAD}www 300 IN T{|}`, includes: ['TXT', 'TLSA'], replaces: 'T' },
  { name: 'RR types on a blank-owner line', text: `${HEAD}    {|}`, includes: ['AAAA'] },
  { name: 'SPF mechanisms and modifiers after v=spf1', text: `${HEAD}@ TXT "v=spf1 {|}"`, includes: ['include:', 'mx', 'a', 'ip4:', 'ip6:', 'exists:', 'redirect=', 'exp=', '-all', '~all'], excludes: ['ptr'] },
  { name: 'SPF terms replace the word typed', text: `${HEAD}@ TXT "v=spf1 mx in{|}"`, includes: ['include:'], replaces: 'in' },
  { name: 'names after include:', text: `${MAIL}@ TXT "v=spf1 include:{|}"`, includes: ['spf.protection.outlook.com', '_spf.google.com', '_spf.example.com'] },
  { name: 'DMARC tags not yet written', text: `${HEAD}_dmarc TXT "v=DMARC1; p=none; {|}"`, includes: ['rua=', 'sp=', 'adkim=', 't='], excludes: ['p=', 'v=', 'pct='] },
  { name: 'DMARC policy values', text: `${HEAD}_dmarc TXT "v=DMARC1; p=q{|}"`, includes: ['none', 'quarantine', 'reject'], replaces: 'q' },
  { name: 'DMARC report URI scheme', text: `${HEAD}_dmarc TXT "v=DMARC1; p=none; rua={|}"`, includes: ['mailto:'] },
  { name: 'DMARC alignment values', text: `${HEAD}_dmarc TXT "v=DMARC1; p=none; adkim={|}"`, includes: ['r', 's'] },
  { name: 'DKIM tags', text: `${HEAD}k1._domainkey TXT "v=DKIM1; {|}"`, includes: ['k=', 'p=', 'h=', 't=', 's=', 'n='], excludes: ['g=', 'v='] },
  { name: 'DKIM key types', text: `${HEAD}k1._domainkey TXT "v=DKIM1; k={|}"`, includes: ['rsa', 'ed25519'] },
  { name: 'DKIM flags after a colon', text: `${HEAD}k1._domainkey TXT "v=DKIM1; t=y:{|}"`, includes: ['s'], replaces: '' },
  { name: 'a whole DMARC record at _dmarc', text: `${HEAD}_dmarc TXT {|}`, includes: ['v=DMARC1; p=none; rua=…'] },
  { name: 'a whole DKIM record inside empty quotes', text: `${HEAD}k1._domainkey TXT "{|}"`, includes: ['v=DKIM1; k=rsa; p=…'] },
  { name: 'a whole SPF record elsewhere', text: `${HEAD}@ TXT {|}`, includes: ['v=spf1 … -all'] },
  { name: 'hosts after MX', text: `${MAIL}@ MX 20 {|}`, includes: ['mail', 'ns1'], excludes: ['_spf', '@'] },
  { name: 'names after CNAME', text: `${MAIL}www CNAME {|}`, includes: ['mail', 'ns1'] },
  { name: 'nothing in a comment', text: `${HEAD}www A 192.0.2.1 ; {|}`, includes: [], excludes: ['A', '_dmarc'] },
  { name: 'nothing in an A record address', text: `${HEAD}www A {|}`, includes: [], excludes: ['A'] },
];

describe('completion', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { text, offset, zone } = atCursor(testCase.text);
      const completions = completionsAt({ zone, file: zone.file, offset });
      const labels = completions.map((completion) => completion.label);
      for (const label of testCase.includes) assert.ok(labels.includes(label), `missing ${label} in ${labels.join(', ')}`);
      for (const label of testCase.excludes ?? []) assert.ok(!labels.includes(label), `unexpected ${label}`);
      if (testCase.replaces !== undefined) {
        const wanted = completions.find((completion) => completion.label === testCase.includes[0])!;
        assert.equal(text.slice(wanted.replace.start, wanted.replace.end), testCase.replaces);
      }
      if (testCase.includes.length === 0) assert.deepEqual(labels, []);
    });
  }

  it('ranks the common record types first', () => {
    const { offset, zone } = atCursor(`${HEAD}www {|}`);
    const sorted = [...completionsAt({ zone, file: zone.file, offset })].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(sorted.slice(0, 5).map((completion) => completion.label), ['A', 'AAAA', 'CNAME', 'MX', 'TXT']);
  });

  it('offers the DMARC record as a snippet with the zone\'s own report address', () => {
    const { offset, zone } = atCursor(`${HEAD}_dmarc TXT {|}`);
    const [record] = completionsAt({ zone, file: zone.file, offset });
    assert.equal(record.snippet, true);
    assert.equal(record.insertText, '"v=DMARC1; p=${1|none,quarantine,reject|}; rua=mailto:${2:dmarc-reports@example.com}"');
  });
});
