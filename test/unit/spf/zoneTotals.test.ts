// The totals of a zone record's lookup analysis counted straight from the zones (`WorkspaceLookups.zoneTotals`),
// which the rules take instead of a tree when they can: each must equal the totals of the full analysis, and the
// cases the counter leaves to the analysis (DNS, CNAMEs, loops, escaped owners) must be left to it.

import { strict as assert } from 'node:assert';
import type { LookupTotals } from '../../../server/src/core/email/spf/lookups';
import { WorkspaceLookups } from '../../../server/src/core/email/spf/lookups';
import { spfRecordsOf } from '../../../server/src/core/email/spf/records';
import { WorkspaceResolver } from '../../../server/src/core/workspace/resolver';
import { HEAD, testWorkspace } from './helpers/workspace';

const SUB_ZONE = '/work/zones/sub.example.com.zone';
const SUB_HEAD = '$ORIGIN sub.example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

/** The example.com zone every case adds its records to: hosts with and without addresses and mail exchangers. */
const HOSTS =
  'v4 A 192.0.2.1\nv6 AAAA 2001:db8::1\nboth A 192.0.2.2\nboth AAAA 2001:db8::2\ntext TXT "hello"\n' +
  'alias CNAME v4\nbelow.empty A 192.0.2.3\nnull MX 0 .\n' +
  Array.from({ length: 11 }, (_, i) => `many MX ${i} m${i}\n`).join('') +
  // Eleven MX records, one of them the root: ten names, which is not too many.
  Array.from({ length: 10 }, (_, i) => `rootmx MX ${i} m${i}\n`).join('') +
  'rootmx MX 99 .\n' +
  '_spf TXT "v=spf1 ip4:192.0.2.0/24 a:text.example.com -all"\n_bad TXT "v=spf1 bogus"\n_loop TXT "v=spf1 include:loops.example.com -all"\n' +
  'sub NS ns1.sub\nns1.sub A 192.0.2.53\n';

// [record lines (the record under test is the first), whether the counter answers or leaves it, with DNS on or off]
const cases: ReadonlyArray<readonly [string, 'counted' | 'left', 'dns on'?]> = [
  ['d TXT "v=spf1 mx a include:_spf.example.com ~all"\nd A 192.0.2.9\nd MX 10 v4', 'counted'],
  ['d TXT "v=spf1 mx a ~all"', 'counted'],
  ['d TXT "v=spf1 " "mx a -all"\nd AAAA 2001:db8::9', 'counted'],
  ['d TXT "v=spf1 a:v4.example.com a:v6.example.com a:text.example.com a:nowhere.example.com -all"', 'counted'],
  ['d TXT "v=spf1 A:V4.Example.COM. a:empty.example.com/24 exists:both.example.com exists:v6.example.com -all"', 'counted'],
  ['d TXT "v=spf1 mx:null.example.com mx:many.example.com mx:v4.example.com ?all"', 'counted'],
  ['d TXT "v=spf1 mx:rootmx.example.com -all"', 'counted'],
  ['d TXT "v=spf1 ptr ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{i}.example.com a:%{d} -all"', 'counted'],
  ['d TXT "v=spf1 include:%{d}.example.com redirect=_spf.example.com"', 'counted'],
  ['d TXT "v=spf1 redirect=_SPF.example.com."', 'counted'],
  ['d TXT "v=spf1 include:_spf.example.com include:_spf.example.com include:_bad.example.com include:_none.example.com -all"', 'counted'],
  ['d TXT "v=spf1 -all include:_bad.example.com exp=explain.example.com x-foo=bar"', 'counted'],
  // A CNAME is followed by the analysis, and names outside the zones are for DNS.
  ['d TXT "v=spf1 a:alias.example.com -all"', 'left'],
  ['d TXT "v=spf1 mx:alias.example.com -all"', 'left'],
  ['d TXT "v=spf1 a:v4.example.com a:mail.example.net -all"', 'left'],
  ['d TXT "v=spf1 include:_spf.example.net -all"', 'left', 'dns on'],
  // With DNS off a target outside the zones is unresolved at once, which a shared target can stand for.
  ['d TXT "v=spf1 include:_spf.example.net -all"', 'counted'],
  // The nested zone answers for names below its cut, not the parent's glue.
  ['d TXT "v=spf1 a:ns1.sub.example.com a:host.sub.example.com -all"', 'counted'],
  ['x.sub TXT "v=spf1 a mx -all"\nx.sub A 192.0.2.1', 'counted'],
  ['D TXT "v=spf1 a mx -all"\nd.example.com. A 192.0.2.1\nd.EXAMPLE.COM. MX 10 v4', 'counted'],
  ['d.EXAMPLE.com. TXT "v=spf1 a mx -all"\nd AAAA 2001:db8::9', 'counted'],
  // Loops close through the record's own name, directly or through a target.
  ['d TXT "v=spf1 include:D.example.com -all"', 'left'],
  ['loops TXT "v=spf1 include:_loop.example.com -all"', 'left'],
  ['d\\.x TXT "v=spf1 a mx -all"', 'left'],
];

function totalsOf(totals: LookupTotals): LookupTotals {
  return { lookups: totals.lookups, voidLookups: totals.voidLookups, complete: totals.complete, marks: totals.marks };
}

describe('SPF lookup totals counted from the zones', () => {
  // With the zone of sub.example.com in the workspace, and without it: then example.com answers for every name in it.
  for (const [lines, expected, dns] of cases) {
    for (const subZone of [true, false]) {
      it(`${lines.split('\n')[0]}${dns === undefined ? '' : `, ${dns}`}${subZone ? ', with the sub zone' : ''}: ${expected}`, async () => {
        const files: Record<string, string> = subZone ? { [SUB_ZONE]: SUB_HEAD + 'host A 192.0.2.10\n' } : {};
        const { workspace, zone } = testWorkspace(HEAD + HOSTS + lines + '\n', { files, dns: dns === undefined ? undefined : {} });
        const resolver = workspace.getResolver();
        assert.ok(resolver instanceof WorkspaceResolver);
        const lookups = new WorkspaceLookups(resolver.pinned());
        // The SPF records of HOSTS are all at names starting with an underscore.
        const spf = spfRecordsOf(zone).find((record) => !record.record.owner.startsWith('_'));
        assert.ok(spf !== undefined);
        const counted = lookups.zoneTotals(spf, zone);
        const analysis = await lookups.analyze(spf);
        assert.equal(counted === undefined ? 'left' : 'counted', expected);
        if (counted !== undefined) assert.deepEqual(totalsOf(counted), totalsOf(analysis));
      });
    }
  }

  it('counts records of one text by their own names, and leaves the one whose name the shared target reaches', async () => {
    // u has two SPF records, so t's include of u is unusable and t is shared; from u itself the include closes a loop.
    const text = '"v=spf1 a mx include:t.example.com -all"';
    const lines = [`p1 TXT ${text}`, 'p1 A 192.0.2.1', `p2 TXT ${text}`, 'p2 MX 10 v4', `p3 TXT ${text}`, ...Array.from({ length: 11 }, (_, i) => `p3 MX ${i} m${i}`)];
    lines.push(`u TXT ${text}`, 'u TXT "v=spf1 -all"', 't TXT "v=spf1 include:u.example.com -all"');
    const { workspace, zone } = testWorkspace(HEAD + lines.join('\n') + '\n');
    const resolver = workspace.getResolver();
    assert.ok(resolver instanceof WorkspaceResolver);
    const lookups = new WorkspaceLookups(resolver.pinned());
    const outcomes: string[] = [];
    for (const spf of spfRecordsOf(zone)) {
      const counted = lookups.zoneTotals(spf, zone);
      const analysis = await lookups.analyze(spf);
      if (counted !== undefined) assert.deepEqual(totalsOf(counted), totalsOf(analysis), spf.record.owner);
      outcomes.push(`${spf.record.owner} ${counted === undefined ? 'left' : 'counted'} void ${analysis.voidLookups} marks ${analysis.marks}`);
    }
    assert.deepEqual(outcomes, [
      'p1.example.com. counted void 1 marks 1',
      'p2.example.com. counted void 1 marks 1',
      'p3.example.com. counted void 1 marks 9',
      'u.example.com. left void 2 marks 2',
      'u.example.com. counted void 0 marks 0',
      't.example.com. counted void 0 marks 1',
    ]);
  });
});
