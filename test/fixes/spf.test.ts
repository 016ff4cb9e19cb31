// Table tests for the SPF quick fixes: each case lints the zone, applies one fix, compares the text and lints again.

import { checkFix, checkNoFix } from './harness';
import type { FixCase } from './harness';

const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
const spf = (text: string): string => `${HEAD}@ TXT ${text}\n`;

const cases: ReadonlyArray<FixCase & { readonly name: string }> = [
  { name: 'spf-duplicate removes the repeat', ruleId: 'spf-duplicate', before: spf('"v=spf1 mx ip4:192.0.2.1 mx -all"'), after: spf('"v=spf1 mx ip4:192.0.2.1 -all"') },
  { name: 'spf-duplicate across strings rewrites the record', ruleId: 'spf-duplicate', before: spf('"v=spf1 a " "a -all"'), after: spf('"v=spf1 a -all"') },
  { name: 'spf-after-all moves all to the end', ruleId: 'spf-after-all', before: spf('"v=spf1 ip4:192.0.2.1 -all mx"'), after: spf('"v=spf1 ip4:192.0.2.1 mx -all"') },
  {
    name: 'spf-after-all keeps only the first all',
    ruleId: 'spf-after-all',
    before: spf('"v=spf1 ~all mx -all"'),
    after: spf('"v=spf1 mx ~all"'),
  },
  {
    name: 'spf-after-all can drop the dead terms instead',
    ruleId: 'spf-after-all',
    title: /^Remove the terms after/,
    before: spf('"v=spf1 ip4:192.0.2.1 -all mx a"'),
    after: spf('"v=spf1 ip4:192.0.2.1 -all"'),
  },
  { name: 'spf-redirect-ignored drops the redirect', ruleId: 'spf-redirect-ignored', before: spf('"v=spf1 mx redirect=_spf.example.com -all"') + '_spf TXT "v=spf1 -all"\n', after: spf('"v=spf1 mx -all"') + '_spf TXT "v=spf1 -all"\n' },
  {
    name: 'spf-redirect-ignored can drop the all instead',
    ruleId: 'spf-redirect-ignored',
    title: /^Remove "-all"/,
    before: spf('"v=spf1 mx -all redirect=_spf.example.com"') + '_spf TXT "v=spf1 -all"\n',
    after: spf('"v=spf1 mx redirect=_spf.example.com"') + '_spf TXT "v=spf1 -all"\n',
  },
  { name: 'spf-ptr becomes a', ruleId: 'spf-ptr', before: spf('"v=spf1 ptr -all"'), after: spf('"v=spf1 a -all"') },
  { name: 'spf-ptr keeps its domain and qualifier', ruleId: 'spf-ptr', before: spf('"v=spf1 ?ptr:example.com -all"'), after: spf('"v=spf1 ?a:example.com -all"') },
  { name: 'spf-ptr can become mx', ruleId: 'spf-ptr', title: /by "mx"/, before: spf('"v=spf1 ptr -all"'), after: spf('"v=spf1 mx -all"') },
  { name: 'spf-permissive-all: +all to ~all', ruleId: 'spf-permissive-all', before: spf('"v=spf1 mx +all"'), after: spf('"v=spf1 mx ~all"') },
  { name: 'spf-permissive-all: a bare all to ~all', ruleId: 'spf-permissive-all', before: spf('"v=spf1 mx all"'), after: spf('"v=spf1 mx ~all"') },
  { name: 'spf-permissive-all: ?all to -all', ruleId: 'spf-permissive-all', title: /to "-all"/, before: spf('"v=spf1 mx ?all"'), after: spf('"v=spf1 mx -all"') },
  { name: 'spf-softfail-all: ~all to -all', ruleId: 'spf-softfail-all', before: spf('"v=spf1 mx ~all"'), after: spf('"v=spf1 mx -all"') },
  {
    name: 'a term with escapes is edited in place',
    ruleId: 'spf-softfail-all',
    before: spf('"v=spf1 a:\\101xample.com ~all"'),
    after: spf('"v=spf1 a:\\101xample.com -all"'),
  },
  {
    name: 'spf-string-join adds the space at the end of the first string',
    ruleId: 'spf-string-join',
    before: spf('"v=spf1 include:spf.protection.outlook.com" "ip4:198.51.100.25 -all"'),
    after: spf('"v=spf1 include:spf.protection.outlook.com " "ip4:198.51.100.25 -all"'),
  },
  {
    name: 'spf-string-join removes the space that cuts a term',
    ruleId: 'spf-string-join',
    before: spf('"v=spf1 ip4:192.0.2. " "1 -all"'),
    after: spf('"v=spf1 ip4:192.0.2." "1 -all"'),
  },
  {
    name: 'spf-string-join quotes unquoted words as one string',
    ruleId: 'spf-string-join',
    before: spf('v=spf1 mx -all'),
    after: spf('"v=spf1 mx -all"'),
  },
  {
    name: 'spf-rr-type turns a lone SPF-type record into TXT',
    ruleId: 'spf-rr-type',
    before: `${HEAD}@ SPF "v=spf1 mx -all"\n`,
    after: `${HEAD}@ TXT "v=spf1 mx -all"\n`,
  },
  {
    name: 'spf-rr-type deletes an SPF-type record beside the TXT one',
    ruleId: 'spf-rr-type',
    before: `${HEAD}@ SPF "v=spf1 mx -all"\n@ TXT "v=spf1 mx -all"\n`,
    after: `${HEAD}@ TXT "v=spf1 mx -all"\n`,
  },
  {
    name: 'spf-rr-type deleting a record hands its owner to the blank-owner line after it',
    ruleId: 'spf-rr-type',
    before: `${HEAD}www SPF "v=spf1 -all"\n    TXT "v=spf1 -all"\n    A 192.0.2.1\n`,
    after: `${HEAD}www TXT "v=spf1 -all"\n    A 192.0.2.1\n`,
  },
  {
    name: 'spf-multiple-records merges into the first record, strictest all last',
    ruleId: 'spf-multiple-records',
    before: `${HEAD}@ TXT "v=spf1 mx ~all"\nwww A 192.0.2.1\n@ TXT "v=spf1 ip4:192.0.2.1 mx -all"\n`,
    after: `${HEAD}@ TXT "v=spf1 mx ip4:192.0.2.1 -all"\nwww A 192.0.2.1\n`,
  },
  {
    name: 'spf-multiple-records drops a redirect the merged all would shadow',
    ruleId: 'spf-multiple-records',
    before: `${HEAD}@ TXT "v=spf1 redirect=_spf.example.com"\n@ TXT "v=spf1 a ~all"\n_spf TXT "v=spf1 -all"\n`,
    after: `${HEAD}@ TXT "v=spf1 a ~all"\n_spf TXT "v=spf1 -all"\n`,
  },
  {
    name: 'spf-lookup-limit flattens an include of plain addresses, with a note',
    ruleId: 'spf-lookup-limit',
    title: /^Flatten "include:a1\.example\.com"/,
    before: `${HEAD}@ TXT ( "v=spf1 ${includes(1, 6)} "\n        "${includes(7, 11)} -all" )\n${targets(11)}`,
    after:
      `${HEAD}; include:a1.example.com flattened by zonelint: these addresses go stale when a1.example.com changes its SPF record; compare them again from time to time\n` +
      `@ TXT ( "v=spf1 ip4:192.0.2.1 ${includes(2, 6)} "\n        "${includes(7, 11)} -all" )\n${targets(11)}`,
  },
];

function includes(from: number, to: number): string {
  const terms: string[] = [];
  for (let i = from; i <= to; i++) terms.push(`include:a${i}.example.com`);
  return terms.join(' ');
}

function targets(count: number): string {
  let out = '';
  for (let i = 1; i <= count; i++) out += `a${i} TXT "v=spf1 ip4:192.0.2.${i} -all"\n`;
  return out;
}

describe('SPF quick fixes', () => {
  for (const testCase of cases) it(testCase.name, () => checkFix(testCase));

  it('spf-lookup-limit does not flatten an include that needs lookups of its own', () =>
    checkNoFix({
      before: `${HEAD}@ TXT ( "v=spf1 ${includes(1, 6)} "\n        "${includes(7, 11)} -all" )\n${targets(11).replace('ip4:192.0.2.1 ', 'mx ')}`,
      ruleId: 'spf-lookup-limit',
      title: /include:a1\.example\.com"/,
    }));

  it('spf-softfail-all has no fix to make it weaker', () => checkNoFix({ before: spf('"v=spf1 mx ~all"'), ruleId: 'spf-softfail-all', title: /\+all|\?all/ }));
});
