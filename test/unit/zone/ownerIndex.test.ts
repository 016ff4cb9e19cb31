// Property tests of the owner index (zone/model.ts): its owners, record chains, type chains and lookups agree with
// the straightforward grouping of a zone's records by `nameKey`, whatever the order, case and sharing of owner names.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SourceFile } from '../../../server/src/core/types';
import type { ResourceRecord, Zone } from '../../../server/src/core/zone/model';
import { OwnerIndex, ownerIndex, recordsAt } from '../../../server/src/core/zone/model';
import { nameKey } from '../../../server/src/core/zone/names';
import { parseZone } from '../../../server/src/core/zone/parser';
import { forEachRecordOfTypes } from '../../../server/src/core/rules/targets';
import { groupByKey } from '../support';

const ORIGIN = 'example.com.';

/**
 * Owner names: under the origin, the origin itself, names as short as or shorter than the origin, names of the
 * origin's length outside it, and pairs that differ only after their first label (so that they share a hash when
 * the origin's length is left out of it).
 */
const NAMES = [
  'example.com.',
  'www.example.com.',
  'WWW.Example.COM.',
  'a.example.com.',
  'a.example.org.',
  'b.example.org.',
  'mx.d1.example.com.',
  'MX.D1.example.com.',
  '*.example.com.',
  'x-y.example.com.',
  '_dmarc.d1.example.com.',
  'com.',
  '.',
  'a\\.b.example.com.',
  'A\\.B.example.com.',
  'aexample.com.',
];

interface FakeRecord {
  readonly owner: string;
  readonly type: number;
}

/**
 * Records as the index reads them (owner and type only). A record either repeats the string object of the record
 * before it, as the parser does for one written owner, or takes a fresh copy of its name.
 */
const fakeRecords = fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(1, 2, 5, 15, 16, 28, 43, 65535), fc.boolean()), { maxLength: 60 }).map((entries) => {
  const records: FakeRecord[] = [];
  for (const [name, type, shareWithPrevious] of entries) {
    const previous = records[records.length - 1];
    const owner = shareWithPrevious && previous !== undefined ? previous.owner : [...name].join('');
    records.push({ owner, type });
  }
  return records as unknown as ResourceRecord[];
});

function assertAgrees(records: readonly ResourceRecord[], origin: string | undefined): void {
  const index = new OwnerIndex(records, origin);
  const groups = [...groupByKey(records)];
  assert.deepEqual(
    index.owners.map((owner) => nameKey(owner)),
    groups.map(([key]) => key),
  );
  groups.forEach(([key, group], number) => {
    assert.equal(index.owners[number], group[0].owner, 'an owner is kept as its first record writes it');
    assert.deepEqual(index.recordsOf(number, records), group);
    assert.equal(index.ownerNumber(key), number);
    assert.equal(index.ownerNumber(key.toUpperCase()), number);
  });
  records.forEach((record, at) => assert.equal(index.types[at], record.type));
  for (const name of NAMES) {
    const number = index.ownerNumber(name);
    const expected = groups.findIndex(([key]) => key === nameKey(name));
    assert.equal(number, expected, `lookup of ${name}`);
  }
  for (const type of [1, 2, 5, 15, 16, 28, 43, 65535, 6]) {
    const chained: number[] = [];
    for (let at = index.firstOfType[type]; at >= 0; at = index.nextOfType[at]) chained.push(at);
    assert.deepEqual(
      chained,
      records.flatMap((record, at) => (record.type === type ? [at] : [])),
      `the chain of type ${type}`,
    );
  }
}

describe('owner index', () => {
  it('agrees with grouping by nameKey, with and without an origin', () => {
    fc.assert(
      fc.property(fakeRecords, fc.constantFrom(ORIGIN, undefined, '.', 'a.very.long.origin.that.is.longer.than.any.name.example.'), (records, origin) => assertAgrees(records, origin)),
      { numRuns: 400 },
    );
  });

  it('grows its table past its first size: one record for each of many owners', () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({ owner: `h${i}.${ORIGIN}`, type: 1 })) as unknown as ResourceRecord[];
    assertAgrees(records, ORIGIN);
    // The same owners again, in reverse order and upper case: every run joins an owner met long before.
    const again = [...records, ...records.map((record) => ({ owner: record.owner.toUpperCase(), type: 28 })).reverse()] as unknown as ResourceRecord[];
    assertAgrees(again, ORIGIN);
  });

  it('holds nothing for an empty zone', () => {
    const index = new OwnerIndex([], ORIGIN);
    assert.deepEqual(index.owners, []);
    assert.equal(index.ownerNumber(ORIGIN), -1);
    assert.equal(index.firstOfType[1], -1);
  });
});

/** A parsed zone of the given record lines. */
function zoneOf(lines: readonly string[]): Zone {
  return parseZone({
    file: new SourceFile('/z/zone.db', `$TTL 60\n${lines.join('\n')}\n`),
    origin: ORIGIN,
    originSource: 'option',
    host: { readFile: () => undefined, mayRead: () => false },
    generateLimit: 65536,
  });
}

/** Record lines with owners written in several cases, inherited owners, and types the rules pick records by. */
const RECORD_LINES = [
  '@ SOA ns1 h 1 2 3 4 5',
  '@ NS ns1',
  'ns1 A 192.0.2.1',
  'WWW A 192.0.2.2',
  'www AAAA 2001:db8::1',
  'www TXT "x"',
  '  MX 10 mail',
  'mail A 192.0.2.3',
  'Mail.Example.Com. A 192.0.2.4',
  '*.w CNAME www',
  'd MX 0 .',
];

describe('the owner index, recordsAt and forEachRecordOfTypes on parsed zones', () => {
  it('agree with the records filtered by owner and by type', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RECORD_LINES), { maxLength: 25 }), (lines) => {
        const zone = zoneOf(lines);
        const groups = groupByKey(zone.records);
        assert.deepEqual(ownerIndex(zone).owners.map((owner) => [nameKey(owner), recordsAt(zone, owner)]), [...groups]);
        for (const name of ['example.com.', 'WWW.example.com.', 'mail.example.com.', '*.w.example.com.', 'nowhere.example.com.', 'd.example.com.']) {
          assert.deepEqual(recordsAt(zone, name), groups.get(nameKey(name)) ?? []);
        }
        for (const types of [[1], [1, 28], [15, 2, 33], [5, 5], [99]]) {
          const visited: ResourceRecord[] = [];
          forEachRecordOfTypes(zone, types, (record) => visited.push(record));
          assert.deepEqual(
            visited,
            zone.records.filter((record) => types.includes(record.type)),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
