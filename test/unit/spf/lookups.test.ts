// The static, worst-case lookup accounting: counts checked against the corpus's own derived counts for the RFC
// suite, the policy for include-at-limit, and the tree each term gets (cost, void, names, who answered).

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { corpusPath } from '../../corpora';
import type { SpfLookupAnalysis, TermCost } from '../../../server/src/core/email/spf/lookups';
import { analyzeLookups, walkTerms } from '../../../server/src/core/email/spf/lookups';
import { parseSpf } from '../../../server/src/core/email/spf/parse';
import { analyzedSpfRecords } from '../../../server/src/core/email/spf/records';
import { SuiteResolver } from './helpers/suiteResolver';
import { HEAD, testWorkspace } from './helpers/workspace';

interface FlatTest {
  readonly id: string;
  readonly scenario: number;
  readonly checked_domain: string;
  readonly spf_records_at_checked_domain: readonly string[];
  readonly derived_static_dns_terms: number | 'loop';
}

/**
 * Where our count differs from the corpus's derived one, and why: we stop at a target whose record is broken
 * (a receiver never evaluates it), we count a loop only up to the repeat, and we follow CNAMEs as DNS does.
 */
const COUNT_DIFFERENCES: Readonly<Record<string, number>> = {
  'include-permerror': 1,
  'redirect-loop': 1,
  'include-loop': 2,
  'cname-aliasing': 8,
};

async function analyzeSuiteRecord(test: FlatTest, zonedata: Readonly<Record<string, unknown>>): Promise<SpfLookupAnalysis> {
  const text = test.spf_records_at_checked_domain[0];
  return analyzeLookups({ source: { domain: test.checked_domain, text, parsed: parseSpf(text) }, resolver: new SuiteResolver(zonedata) });
}

describe('SPF lookup accounting', () => {
  describe('agrees with the derived worst-case counts of the RFC 7208 suite', () => {
    const flat = (JSON.parse(readFileSync(corpusPath('pyspf', 'derived', 'rfc7208-tests.flat.json'), 'utf8')) as { tests: FlatTest[] }).tests;
    const scenarios = loadAll(readFileSync(corpusPath('pyspf', 'rfc7208-tests.yml'), 'utf8')) as Array<{ zonedata: Record<string, unknown> }>;
    const checkable = flat.filter((test) => test.spf_records_at_checked_domain.length === 1 && parseSpf(test.spf_records_at_checked_domain[0]).errors.length === 0);
    it('covers the single-record, syntax-clean tests', () => assert.equal(checkable.length, 124));
    for (const test of checkable) {
      it(test.id, async () => {
        const analysis = await analyzeSuiteRecord(test, scenarios[test.scenario - 1].zonedata);
        assert.equal(analysis.lookups, COUNT_DIFFERENCES[test.id] ?? test.derived_static_dns_terms);
      });
    }
  });

  it('flags include-at-limit in the worst case: 11, though evaluation stops at ip4 with 10', async () => {
    const analysis = await analyzeLookups({
      source: { domain: 'e8.example.com', text: 'v=spf1 a include:inc.example.com ip4:1.2.3.4 mx -all', parsed: parseSpf('v=spf1 a include:inc.example.com ip4:1.2.3.4 mx -all') },
      resolver: new SuiteResolver({ 'inc.example.com': [{ SPF: 'v=spf1 a a a a a a a a' }, { A: '1.2.3.10' }], 'e8.example.com': [{ A: '1.2.3.4' }] }),
    });
    assert.equal(analysis.lookups, 11);
    assert.deepEqual(analysis.root.terms.map((cost) => cost.total), [1, 9, 0, 1, 0]);
  });

  describe('the tree', () => {
    const zone =
      HEAD +
      '@ TXT "v=spf1 a mx ptr exists:%{i}.bl.example.com include:_spf.example.com include:spf.provider.example include:%{d}.x.example.com -all a:after.example.com"\n' +
      '@ MX 10 mail\nmail A 192.0.2.25\n' +
      '_spf TXT "v=spf1 a:gone.example.com redirect=_spf2.example.com"\n' +
      '_spf2 TXT "v=spf1 mx:mx12.example.com ip4:192.0.2.0/24 -all redirect=_spf.example.com"\n' +
      'mx12 MX 10 m1\n' + Array.from({ length: 11 }, (_, i) => `mx12 MX ${20 + i} m${i + 2}\n`).join('');
    const dns = { 'spf.provider.example': { txt: ['v=spf1 include:unknown.provider.example ~all'] }, 'unknown.provider.example': { error: true as const } };

    async function analysis(): Promise<SpfLookupAnalysis> {
      const { workspace, zone: parsed } = testWorkspace(zone, { dns });
      const [first] = await analyzedSpfRecords(parsed, workspace.getView());
      return first.analysis;
    }

    it('costs each reached term and stops at all', async () => {
      const result = await analysis();
      const root = result.root.terms.map((cost) => `${cost.term.text}=${cost.total}`);
      assert.deepEqual(root, ['a=1', 'mx=1', 'ptr=1', 'exists:%{i}.bl.example.com=1', 'include:_spf.example.com=4', 'include:spf.provider.example=2', 'include:%{d}.x.example.com=1', '-all=0']);
      assert.equal(result.lookups, 11);
      assert.equal(result.complete, false);
    });

    it('says who answered and why a term was not looked up', async () => {
      const byText = new Map<string, TermCost>();
      for (const visit of walkTerms((await analysis()).root)) byText.set(visit.cost.term.text, visit.cost);
      assert.equal(byText.get('a')?.answeredBy, 'zone');
      assert.equal(byText.get('a')?.isVoid, true);
      assert.equal(byText.get('mx')?.names, 1);
      assert.equal(byText.get('ptr')?.answeredBy, 'not-looked-up');
      assert.equal(byText.get('exists:%{i}.bl.example.com')?.answeredBy, 'not-looked-up');
      assert.equal(byText.get('include:%{d}.x.example.com')?.target?.kind, 'macro');
      assert.equal(byText.get('include:spf.provider.example')?.answeredBy, 'dns');
      assert.equal(byText.get('include:unknown.provider.example')?.answeredBy, 'error');
      assert.equal(byText.get('a:gone.example.com')?.isVoid, true);
      assert.equal(byText.get('mx:mx12.example.com')?.names, 12);
      // The redirect of _spf2 sits beside -all, so it is never reached and forms no loop.
      assert.equal(byText.has('redirect=_spf.example.com'), false);
      assert.equal(byText.get('redirect=_spf2.example.com')?.target?.kind, 'record');
    });

    it('sums void lookups through the tree', async () => {
      const result = await analysis();
      assert.equal(result.voidLookups, 2);
    });
  });

  it('finds loops and stops there', async () => {
    const { workspace, zone } = testWorkspace(HEAD + '@ TXT "v=spf1 include:a.example.com -all"\na TXT "v=spf1 redirect=b.example.com"\nb TXT "v=spf1 include:example.com"\n');
    const [{ analysis }] = await analyzedSpfRecords(zone, workspace.getView());
    const loops = [...walkTerms(analysis.root)].flatMap((visit) => (visit.cost.target?.kind === 'loop' ? [visit.cost.target.chain] : []));
    assert.deepEqual(loops, [['example.com', 'a.example.com', 'b.example.com', 'example.com']]);
  });

  it('recomputes a cached analysis when another zone of the workspace changes', async () => {
    const other = '/work/zones/example.net.zone';
    const head = '$ORIGIN example.net.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
    const { workspace, zone } = testWorkspace(HEAD + '@ TXT "v=spf1 include:example.net -all"\n', { files: { [other]: head + '@ TXT "v=spf1 a -all"\n@ A 192.0.2.1\n' } });
    const before = await analyzedSpfRecords(zone, workspace.getView());
    assert.equal(before[0].analysis.lookups, 2);
    workspace.setFile(other, head + '@ TXT "v=spf1 a mx -all"\n@ A 192.0.2.1\n@ MX 10 @\n');
    const after = await analyzedSpfRecords(workspace.zone('/work/zones/example.com.zone')!, workspace.getView());
    assert.equal(after[0].analysis.lookups, 3);
  });
});
