// The SPF record hover: the lookup tree (each term, its cost, who answered it) and the totals, for records whose
// terms are answered by the zone, by other zones, by DNS, or by nobody; and how it composes with the item hovers.

import assert from 'node:assert/strict';
import { editorHoverAt } from '../../server/src/core/services/hover';
import { markdownCode, spfHoverAt } from '../../server/src/core/services/spfHover';
import { parseSettings, ZonelintWorkspace } from '../../server/src/core';
import type { FakeDns } from '../unit/spf/helpers/workspace';
import { fakeDnsResolver, HEAD, testWorkspace, ZONE_PATH } from '../unit/spf/helpers/workspace';

const NET_PATH = '/work/zones/example.net.zone';
const NET_ZONE = '$ORIGIN example.net.\n$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\nns A 198.51.100.2\n_spf TXT "v=spf1 ip4:198.51.100.0/24 a:mail.example.net -all"\nmail A 198.51.100.25\n';

interface HoverCase {
  readonly name: string;
  /** Zone lines after HEAD. */
  readonly zone: string;
  readonly dns?: FakeDns;
  readonly files?: Readonly<Record<string, string>>;
  /** Where the hover is asked: the first occurrence of `needle` in the zone, `into` characters in. */
  readonly needle: string;
  readonly into: number;
  /** The whole markdown, or patterns it must match; undefined when no hover is expected. */
  readonly expected: string | readonly RegExp[] | undefined;
}

const WORST_CASE = 'Worst case: every term up to `all` is assumed reached, through every include and redirect (RFC 7208 §4.6.4).';

const cases: readonly HoverCase[] = [
  {
    name: 'a tree answered by this zone, another zone and DNS, with a void lookup',
    zone: '@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx include:_spf.example.net include:_spf.example.com include:spf.provider.example -all"\n_spf TXT "v=spf1 a:nothing.example.com ~all"\n',
    files: { [NET_PATH]: NET_ZONE },
    dns: { 'spf.provider.example': { txt: ['v=spf1 ip4:203.0.113.0/24 ?all'] } },
    needle: 'v=spf1 mx',
    into: 0,
    expected: [
      '**SPF record** of `example.com`: lookups 6/10, void 1/2',
      '',
      WORST_CASE,
      '',
      '- `mx` · 1 lookup · zone file · 1 MX name to look up',
      '- `include:_spf.example.net` · 2 lookups (1 + 1 in its record) · zone file `example.net.zone`',
      '  - `ip4:198.51.100.0/24` · no lookup',
      '  - `a:mail.example.net` · 1 lookup · zone file',
      '  - `-all` · no lookup',
      '- `include:_spf.example.com` · 2 lookups (1 + 1 in its record) · zone file `example.com.zone`',
      '  - `a:nothing.example.com` · 1 lookup · zone file · void (no records)',
      '  - `~all` · no lookup',
      '- `include:spf.provider.example` · 1 lookup · DNS',
      '  - `ip4:203.0.113.0/24` · no lookup',
      '  - `?all` · no lookup',
      '- `-all` · no lookup',
    ].join('\n'),
  },
  {
    name: 'an include nobody can answer (DNS off): lower bounds and the reason',
    zone: '@ TXT "v=spf1 a include:_spf.elsewhere.example -all"\n@ A 192.0.2.1\n',
    needle: 'include:',
    into: 0,
    expected: [/^\*\*SPF record\*\* of `example\.com`: lookups ≥2\/10, void ≥0\/2\n/, /lower bounds/, /- `include:_spf\.elsewhere\.example` · 1 lookup · unresolved\n {2}- _spf\.elsewhere\.example\. is outside the workspace zones and DNS lookups are off/],
  },
  {
    name: 'a DNS failure and a target without an SPF record',
    zone: '@ TXT "v=spf1 include:broken.example include:nospf.example -all"\n',
    dns: { 'broken.example': { error: true }, 'nospf.example': { txt: ['google-site-verification=x'] } },
    needle: '-all',
    into: 1,
    expected: [/`include:broken\.example` · 1 lookup · DNS error\n {2}- .*SERVFAIL/, /`include:nospf\.example` · 1 lookup · DNS\n {2}- `nospf\.example` has no SPF record: permerror/],
  },
  {
    name: 'a record over both limits',
    zone: '@ TXT "v=spf1 a:v1.example.com a:v2.example.com a:v3.example.com mx mx mx mx mx mx mx mx -all"\n',
    needle: 'v=spf1',
    into: 3,
    expected: [/lookups 11\/10, void 11\/2/, /Over the limit of 10 lookups: receivers return permerror\. Over the limit of 2 void lookups: receivers return permerror\./],
  },
  {
    name: 'a loop back to the record itself',
    zone: '@ TXT "v=spf1 include:_a.example.com -all"\n_a TXT "v=spf1 include:example.com"\n',
    needle: '-all',
    into: 0,
    expected: [/ {2}- `include:example\.com` · 1 lookup · not looked up\n {4}- loop: `example\.com` → `_a\.example\.com` → `example\.com`/],
  },
  {
    name: 'a macro target, counted with its reason and not looked up',
    zone: '@ TXT "v=spf1 exists:%{i}.rbl.example.com -all"\n',
    needle: 'exists',
    into: 0,
    expected: [/- `exists:%\{i\}\.rbl\.example\.com` · 1 lookup · the name depends on the message \(macros\): counted, not looked up\n/],
  },
  {
    name: 'a record with a syntax error: no count',
    zone: '@ TXT "v=spf1 include -all"\n',
    needle: 'include',
    into: 2,
    expected: '**SPF record** of `example.com`\n\nThe record has syntax errors (see spf-syntax): receivers return permerror, so its lookups are not counted.',
  },
  {
    name: 'a tree longer than a hover shows',
    zone: `@ TXT ${Array.from({ length: 7 }, (_, string) => `"${Array.from({ length: 10 }, (_, i) => ` ip4:192.0.${string}.${i}`).join('')}"`).join(' ').replace('" ip4', '"v=spf1 ip4')} " -all"\n`,
    needle: 'v=spf1',
    into: 0,
    expected: [/\n- `ip4:192\.0\.5\.9` · no lookup\n- … and 11 more$/],
  },
  { name: 'the data of a TXT record that is not SPF', zone: '@ TXT "v=spf2.0/pra -all"\n', needle: 'spf2', into: 0, expected: undefined },
  { name: 'the data of an A record', zone: 'www A 192.0.2.1\n@ TXT "v=spf1 -all"\n', needle: '192.0.2.1', into: 2, expected: undefined },
  { name: 'the owner of an SPF record', zone: 'spf TXT "v=spf1 -all"\n', needle: 'spf TXT', into: 1, expected: undefined },
];

describe('SPF record hover', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const text = HEAD + testCase.zone;
      const { workspace, zone } = testWorkspace(text, { dns: testCase.dns, files: testCase.files });
      const offset = offsetOf(text, testCase.needle, testCase.into);
      const hover = await spfHoverAt({ zone, filePath: ZONE_PATH, offset, workspace: workspace.getView() });
      if (testCase.expected === undefined) return assert.equal(hover, undefined);
      assert.ok(hover !== undefined, 'no hover');
      const record = zone.records.find((candidate) => candidate.rdataSpan.start <= offset && offset <= candidate.rdataSpan.end)!;
      assert.deepEqual(hover.span, record.rdataSpan);
      if (typeof testCase.expected === 'string') assert.equal(hover.markdown, testCase.expected);
      else for (const pattern of testCase.expected) assert.match(hover.markdown, pattern);
    });
  }

  it('answers from the analysis the lint cached, asking DNS nothing new', async () => {
    const text = `${HEAD}@ TXT "v=spf1 include:spf.provider.example -all"\n`;
    const dns = fakeDnsResolver({ 'spf.provider.example': { txt: ['v=spf1 a:mail.provider.example -all'] }, 'mail.provider.example': { a: ['203.0.113.25'] } });
    let queries = 0;
    const workspace = new ZonelintWorkspace({
      settings: parseSettings({ dns: 'off' }).settings,
      dns: { lookup: (name, type) => (queries++, dns.lookup(name, type)) },
      host: { readFile: () => undefined, mayRead: () => false },
    });
    workspace.setFile(ZONE_PATH, text, 'example.com.');
    await workspace.lint(ZONE_PATH);
    const afterLint = queries;
    assert.ok(afterLint > 0, 'the lint asked DNS');
    const hover = await spfHoverAt({ zone: workspace.zone(ZONE_PATH)!, filePath: ZONE_PATH, offset: offsetOf(text, 'include'), workspace: workspace.getView() });
    assert.match(hover?.markdown ?? '', /lookups 2\/10/);
    assert.equal(queries, afterLint);
  });
});

describe('editor hover composition', () => {
  const text = `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx include:_spf.example.com -all"\n_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"\n`;
  const { workspace, zone } = testWorkspace(text);
  const cases: { name: string; needle: string; into: number; expected: RegExp }[] = [
    { name: 'the record type keeps its type hover', needle: 'TXT "v=spf1 mx', into: 1, expected: /^\*\*TXT\*\* record \(type 16\)/ },
    { name: 'an include domain keeps its name hover', needle: '_spf.example.com -all', into: 3, expected: /^SPF `include` domain\n\n`_spf\.example\.com\.`: 1 record/ },
    { name: 'a mechanism shows its meaning above the lookup tree', needle: 'mx include', into: 1, expected: /^`mx`: Matches [^\n]*\n\n[^\n]*\n\n---\n\n\*\*SPF record\*\* of `example\.com`: lookups 2\/10, void 0\/2/ },
    { name: 'the include keyword shows the lookup tree', needle: 'include:', into: 2, expected: /- `include:_spf\.example\.com` · 1 lookup · zone file `example\.com\.zone`/ },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const hover = await editorHoverAt({ zone, filePath: ZONE_PATH, offset: offsetOf(text, testCase.needle, testCase.into), workspace: workspace.getView() });
      assert.match(hover?.markdown ?? '(no hover)', testCase.expected);
    });
  }
});

describe('markdown code spans', () => {
  const cases: { text: string; expected: string }[] = [
    { text: 'include:_spf.example.com', expected: '`include:_spf.example.com`' },
    { text: 'exists:a`b.example', expected: '`` exists:a`b.example ``' },
    { text: 'x``y', expected: '``` x``y ```' },
  ];
  for (const { text, expected } of cases) {
    it(`fences ${JSON.stringify(text)}`, () => assert.equal(markdownCode(text), expected));
  }
});

/** The offset of the first `needle` in `text`, moved `into` characters into it. */
function offsetOf(text: string, needle: string, into = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `no ${needle}`);
  return index + into;
}
