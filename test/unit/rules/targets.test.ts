// Property tests of what the zone-* rules share (rules/targets.ts): the owner facts and host targets, read from the
// owner index, agree with the straightforward computation over the records grouped by `nameKey`.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hostTargets, ownersWithRepeatedType, ownersWithSuspectNames } from '../../../server/src/core/rules/targets';
import { SourceFile } from '../../../server/src/core/types';
import { hasNonTerminalWildcard, isHostname } from '../../../server/src/core/zone/hostnames';
import type { Zone } from '../../../server/src/core/zone/model';
import { ownerIndex } from '../../../server/src/core/zone/model';
import { nameKey } from '../../../server/src/core/zone/names';
import { parseZone } from '../../../server/src/core/zone/parser';
import { groupByKey } from '../support';

/** Record lines whose owners and targets are host names or not, in any case, with repeated types and wildcards. */
const RECORD_LINES = [
  '@ SOA ns1 h 1 2 3 4 5',
  '@ NS ns1',
  '@ NS NS2',
  'ns1 A 192.0.2.1',
  'WWW A 192.0.2.2',
  'www A 192.0.2.3',
  'www AAAA 2001:db8::1',
  'www TXT "x"',
  '  MX 10 mail',
  '  MX 10 Mail',
  'mail A 192.0.2.3',
  'my_host A 192.0.2.4',
  'My_Host TXT "y"',
  '_dmarc TXT "v=DMARC1; p=none"',
  '*.w A 192.0.2.5',
  'a.*.w TXT "z"',
  'a.*.w MX 0 .',
  'srv SRV 0 0 25 bad_target',
  'srv SRV 0 0 25 .',
  'x MX 5 -bad',
  'x MX 5 mail.elsewhere.example.',
];

function zoneOf(lines: readonly string[]): Zone {
  return parseZone({
    file: new SourceFile('/z/zone.db', `$TTL 60\n${lines.join('\n')}\n`),
    origin: 'example.com.',
    originSource: 'option',
    host: { readFile: () => undefined, mayRead: () => false },
    generateLimit: 65536,
  });
}

const HOST_TYPES = [1, 28, 15];

const zones = fc.array(fc.constantFrom(...RECORD_LINES), { maxLength: 30 }).map(zoneOf);

describe('zone-* rule facts', () => {
  it('ownersWithRepeatedType: the owners holding two records of one type, in order of first appearance', () => {
    fc.assert(
      fc.property(zones, (zone) => {
        const expected = [...groupByKey(zone.records).values()].filter((group) => new Set(group.map((record) => record.type)).size < group.length);
        assert.deepEqual(ownersWithRepeatedType(zone), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('ownersWithSuspectNames: host-type owners that are not host names, and names with an inner `*` label', () => {
    fc.assert(
      fc.property(zones, (zone) => {
        const expected = [...groupByKey(zone.records)]
          .filter(([key, group]) => (group.some((record) => HOST_TYPES.includes(record.type)) ? !isHostname(key, true) : hasNonTerminalWildcard(key)))
          .map(([, group]) => group);
        assert.deepEqual(ownersWithSuspectNames(zone), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('hostTargets: every MX, NS and SRV target but the root, with its owner and its host-name syntax', () => {
    fc.assert(
      fc.property(zones, (zone) => {
        const groups = groupByKey(zone.records);
        const hosts = hostTargets(zone);
        const expected = zone.records.flatMap((record) => {
          const data = record.data;
          const target = data.kind === 'mx' ? data.exchange : data.kind === 'srv' || data.kind === 'target' ? data.target : undefined;
          return [15, 2, 33].includes(record.type) && target !== undefined && target !== '.' ? [{ record, target }] : [];
        });
        assert.deepEqual(hosts.records, expected.map((entry) => entry.record));
        assert.deepEqual(hosts.targets, expected.map((entry) => entry.target));
        const index = ownerIndex(zone);
        expected.forEach(({ target }, i) => {
          const number = hosts.targetOwners[i];
          assert.deepEqual(number < 0 ? undefined : index.recordsOf(number, zone.records), groups.get(nameKey(target)));
          assert.equal(hosts.validHostnames[i] === 1, isHostname(target, false));
        });
      }),
      { numRuns: 300 },
    );
  });
});
