// The per-zone SPF record lists (SPF, near-SPF, Sender ID and type-99 records, read from the start of the strings
// without joining them) and the lookup analyses the rules share: targets analysed once per workspace state and
// trees rebuilt on demand must equal a plain analysis of each record on its own.

import { strict as assert } from 'node:assert';
import { parseSettings, ZonelintWorkspace } from '../../../server/src/core/index';
import type { SpfLookupAnalysis } from '../../../server/src/core/email/spf/lookups';
import { analyzeLookups, TREE_MARKS, walkTerms } from '../../../server/src/core/email/spf/lookups';
import { analyzedSpfRecords, locate, nearSpfRecordsOf, senderIdRecordsOf, spfRecordsOf, spfTypeRecordsOf } from '../../../server/src/core/email/spf/records';
import { locateInText } from '../../../server/src/core/email/txtRecords';
import { resolverForOneRecord } from '../../../server/src/core/workspace/resolver';
import type { FakeDns } from './helpers/workspace';
import { fakeDnsResolver, HEAD, testWorkspace, ZONE_PATH } from './helpers/workspace';

describe('SPF records of a zone', () => {
  describe('sorts TXT records by how their text starts, across strings and without case', () => {
    // [zone line, the list it lands in]
    const cases: ReadonlyArray<readonly [string, 'spf' | 'near' | 'sender-id' | 'type-99' | 'none']> = [
      ['@ TXT "v=spf1 -all"', 'spf'],
      ['@ TXT "v=spf1"', 'spf'],
      ['@ TXT "V=SpF1" " -all"', 'spf'],
      ['@ TXT "v=" "spf1"', 'spf'],
      ['@ TXT "" "v=spf1 a" " -all"', 'spf'],
      ['@ TXT "v=spf1a -all"', 'near'],
      ['@ TXT "v=spf10"', 'near'],
      ['@ TXT "v=spf1" "-all"', 'near'],
      ['@ TXT "spf2.0/pra -all"', 'sender-id'],
      ['@ TXT "SPF2.0" "/mfrom -all"', 'sender-id'],
      ['@ SPF "v=spf1 -all"', 'type-99'],
      ['@ TXT "v=spf"', 'none'],
      ['@ TXT " v=spf1 -all"', 'none'],
      // Octets that equal a letter or digit only with the 0x20 bit set are not case variants.
      ['@ TXT "v\\029spf1 -all"', 'none'],
      ['@ TXT "v=spf\\017 -all"', 'none'],
      ['@ TXT "v=DKIM1; p="', 'none'],
      ['@ TXT "v=DMARC1; p=none"', 'none'],
    ];
    for (const [line, expected] of cases) {
      it(`${line}: ${expected}`, () => {
        const { zone } = testWorkspace(HEAD + line + '\n');
        const lists = { spf: spfRecordsOf(zone), near: nearSpfRecordsOf(zone), 'sender-id': senderIdRecordsOf(zone), 'type-99': spfTypeRecordsOf(zone) };
        const found = Object.entries(lists).flatMap(([name, list]) => (list.length > 0 ? [name] : []));
        assert.deepEqual(found, expected === 'none' ? [] : [expected]);
      });
    }
  });

  it('gives an SPF record its domain, text and length as the strings make them', () => {
    const { zone } = testWorkspace(HEAD + 'mail TXT "v=spf1 mx a include:" "_spf.example.com -all"\n');
    const [spf] = spfRecordsOf(zone);
    assert.equal(spf.domain, 'mail.example.com');
    assert.equal(spf.text, 'v=spf1 mx a include:_spf.example.com -all');
    assert.equal(spf.textLength, spf.text.length);
    assert.equal(spf.zone.text.text, spf.text);
    assert.deepEqual(spf.zone.text.stringStarts, [0, 20]);
  });

  it('locates a range of an SPF record as the joined text does, whatever the layout of its strings', () => {
    const lines = [
      '@ TXT "v=spf1 mx a ~all"',
      'a TXT v=spf1 " mx" " ~all"',
      'b TXT "v=spf1 mx " "a ~all"',
      'c TXT "v=spf1 mx" " a ~all"',
      'd TXT "v=spf1 " "" "mx ~all"',
      'e TXT "v=spf1 a:m\\120.example.com ~all"',
      'f TXT "v=spf1 exists:%{l}.caf\u00e9.example.com ~all"',
      'g TXT ( "v=spf1 ip4:192.0.2.1"\n  " ~all" )',
    ];
    const { zone } = testWorkspace(HEAD + lines.join('\n') + '\n');
    const records = spfRecordsOf(zone);
    assert.equal(records.length, lines.length);
    for (const spf of records) {
      // Every term, the whole text, an empty range, and two characters across each place where a string starts.
      const across = spf.zone.text.stringStarts.map((at) => ({ start: Math.max(0, at - 1), end: at + 1 }));
      const ranges = [...spf.parsed.terms, { start: 0, end: spf.textLength }, { start: 3, end: 3 }, ...across];
      for (const range of ranges) assert.deepEqual(locateInText(spf.record, range), locate(spf.zone, range), `${spf.record.owner} ${range.start}-${range.end}`);
    }
  });

  it('shares one parse between records of the same text', () => {
    const { zone } = testWorkspace(HEAD + 'a TXT "v=spf1 mx -all"\nb TXT "v=spf1 " "mx -all"\nc TXT "v=spf1 a -all"\n');
    const [a, b, c] = spfRecordsOf(zone);
    assert.equal(a.parsed, b.parsed);
    assert.notEqual(a.parsed, c.parsed);
  });
});

describe('SPF lookup analyses shared by the rules', () => {
  interface Scenario {
    readonly name: string;
    readonly zone: string;
    readonly dns?: FakeDns;
    readonly dnsQueryBudget?: number;
  }

  const chain = Array.from({ length: 45 }, (_, i) => `c${i + 1} TXT "v=spf1 include:c${i + 2}.example.com -all"\n`).join('') + 'c46 TXT "v=spf1 -all"\n';
  const fifteen = Array.from({ length: 15 }, (_, i) => `include:x${i + 1}.example.com`).join(' ');
  const xs = Array.from({ length: 15 }, (_, i) => `x${i + 1} TXT "v=spf1 -all"\n`).join('');
  const backToApex = Array.from({ length: 39 }, (_, i) => `t${i + 1} TXT "v=spf1 include:t${i + 2}.example.com -all"\n`).join('') + 't40 TXT "v=spf1 include:example.com -all"\n';

  const scenarios: readonly Scenario[] = [
    {
      name: 'many records including one target, with their own a and mx answers',
      zone:
        'd1 TXT "v=spf1 mx a include:_spf.example.com ~all"\nd1 A 192.0.2.1\nd1 MX 10 d1\n' +
        'd2 TXT "v=spf1 mx a include:_spf.example.com ~all"\n' +
        'd3 TXT "v=spf1 mx a include:_spf.example.com ~all"\nd3 AAAA 2001:db8::1\n' +
        Array.from({ length: 12 }, (_, i) => `d3 MX ${i} m${i}\n`).join('') +
        '_spf TXT "v=spf1 include:_spf2.example.com ip4:192.0.2.0/24 -all"\n_spf2 TXT "v=spf1 a:gone.example.com exists:%{i}.example.com -all"\n',
    },
    {
      name: 'a target that loops back to the record including it',
      zone: '@ TXT "v=spf1 include:a.example.com -all"\na TXT "v=spf1 include:example.com -all"\nb TXT "v=spf1 include:a.example.com -all"\n',
    },
    {
      name: 'a target that fits in the records one analysis reads only when read first',
      zone: chain + xs + `r1 TXT "v=spf1 include:c20.example.com -all"\nr2 TXT "v=spf1 ${fifteen} include:c20.example.com -all"\nr3 TXT "v=spf1 include:c1.example.com -all"\n`,
    },
    {
      name: 'a target that comes back to the record only past the records one analysis reads',
      zone: '@ TXT "v=spf1 include:t1.example.com -all"\nother TXT "v=spf1 include:t1.example.com -all"\n' + backToApex,
    },
    {
      name: 'targets written in other cases, one of them broken',
      zone: 'u1 TXT "v=spf1 include:_SPF.example.com -all"\nu2 TXT "v=spf1 include:_spf.example.com -all"\n_spf TXT "v=spf1 bogus -all"\nu3 TXT "v=spf1 redirect=_Nothing.example.com"\n',
    },
    {
      name: 'a target in the zone whose tree goes on in DNS, under a small query budget',
      zone: 'd1 TXT "v=spf1 include:_mix.example.com -all"\nd2 TXT "v=spf1 a:mail.provider.example include:_mix.example.com -all"\n_mix TXT "v=spf1 include:spf.provider.example -all"\n',
      dns: {
        'spf.provider.example': { txt: ['v=spf1 include:more.provider.example a:mail.provider.example -all'] },
        'more.provider.example': { txt: ['v=spf1 a:x.provider.example mx:x.provider.example -all'] },
        'mail.provider.example': { a: ['192.0.2.9'] },
      },
      dnsQueryBudget: 3,
    },
    {
      name: 'targets outside the workspace with DNS off',
      zone: 'd1 TXT "v=spf1 include:_off.example.com -all"\nd2 TXT "v=spf1 include:_off.example.com mx -all"\n_off TXT "v=spf1 include:_spf.google.com a:mail.example.net -all"\n',
    },
  ];

  function workspaceOf(scenario: Scenario): ZonelintWorkspace {
    const workspace = new ZonelintWorkspace({
      settings: parseSettings({ dns: 'off', dnsQueryBudget: scenario.dnsQueryBudget ?? 50 }).settings,
      dns: scenario.dns === undefined ? 'off' : fakeDnsResolver(scenario.dns),
      host: { readFile: () => undefined, mayRead: () => false },
    });
    workspace.setFile(ZONE_PATH, HEAD + scenario.zone, 'example.com.');
    return workspace;
  }

  /** Everything the rules and hovers read of a tree, one line per term. */
  function treeLines(analysis: SpfLookupAnalysis): string[] {
    const lines = [`lookups ${analysis.lookups} void ${analysis.voidLookups} complete ${analysis.complete}`];
    for (const { cost, path } of walkTerms(analysis.root)) {
      const target = cost.target === undefined ? '' : ` → ${JSON.stringify(cost.target, (key, value: unknown) => (key === 'record' || key === 'source' ? undefined : value))}`;
      const fields = [cost.cost, cost.total, cost.voidLookups, cost.answeredBy, cost.isVoid, cost.lookedUp, cost.names, cost.note];
      lines.push(`${[...path.map((step) => step.term.text), cost.term.text].join(' > ')} ${JSON.stringify(fields)}${target}`);
    }
    return lines;
  }

  function marksOf(analysis: SpfLookupAnalysis): number {
    let marks = 0;
    for (const { cost } of walkTerms(analysis.root)) {
      const target = cost.target;
      if (target?.kind === 'no-record' || target?.kind === 'multiple' || target?.kind === 'broken') marks |= TREE_MARKS.unusableTarget;
      if (target?.kind === 'loop') marks |= TREE_MARKS.loop;
      if (target?.kind === 'unresolved' || cost.answeredBy === 'unresolved' || cost.answeredBy === 'error') marks |= TREE_MARKS.unresolved;
      if (cost.term.kind === 'mx' && (cost.names ?? 0) > 10) marks |= TREE_MARKS.manyMxNames;
    }
    return marks;
  }

  for (const scenario of scenarios) {
    it(`equals each record analysed on its own: ${scenario.name}`, async () => {
      const workspace = workspaceOf(scenario);
      const zone = workspace.zone(ZONE_PATH)!;
      const analyzed = await analyzedSpfRecords(zone, workspace.getView());
      assert.ok(analyzed.length > 0);
      for (const record of analyzed) {
        const alone = await analyzeLookups({ source: record.spf, resolver: resolverForOneRecord(workspace.getResolver()) });
        const where = record.spf.record.owner;
        assert.deepEqual(treeLines(record.analysis), treeLines(alone), where);
        // A second reading (rebuilt, or kept) tells the same.
        assert.deepEqual(treeLines(record.analysis), treeLines(alone), where);
        assert.deepEqual([record.lookups, record.voidLookups, record.complete], [alone.lookups, alone.voidLookups, alone.complete], where);
        assert.equal(record.marks, marksOf(alone), where);
      }
    });
  }

  it('keeps the analyses of one workspace state, and reads a state it was made in after a file changes', async () => {
    const other = '/work/zones/example.net.zone';
    const head = '$ORIGIN example.net.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
    const { workspace, zone } = testWorkspace(HEAD + '@ TXT "v=spf1 include:example.net -all"\n', { files: { [other]: head + '@ TXT "v=spf1 a -all"\n@ A 192.0.2.1\n' } });
    const before = await analyzedSpfRecords(zone, workspace.getView());
    assert.equal(await analyzedSpfRecords(zone, workspace.getView()), before);
    workspace.setFile(other, head + '@ TXT "v=spf1 a mx -all"\n@ A 192.0.2.1\n@ MX 10 @\n');
    const after = await analyzedSpfRecords(workspace.zone(ZONE_PATH)!, workspace.getView());
    assert.deepEqual([before[0].lookups, after[0].lookups], [2, 3]);
    // The tree of the earlier state, rebuilt now, still comes from the zones of that state.
    assert.equal(before[0].analysis.lookups, 2);
    assert.equal(after[0].analysis.lookups, 3);
  });
});
