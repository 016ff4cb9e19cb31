// TXT data kept as places (PlainTxt) must read exactly as the list of strings the rdata reader builds otherwise
// (ListedTxt): the same strings with the same places and octets, count, first value, joined value and quoting.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { locateInText, recordTextOf, textLocation } from '../../../server/src/core/email/txtRecords';
import { SourceFile } from '../../../server/src/core/types';
import { rdataTokensIn } from '../../../server/src/core/zone/lexer';
import type { ResourceRecord } from '../../../server/src/core/zone/model';
import { parseZone } from '../../../server/src/core/zone/parser';
import { parseRdata } from '../../../server/src/core/zone/rdata';
import type { TxtData } from '../../../server/src/core/zone/rdata/txt';
import { ListedTxt, PlainTxt } from '../../../server/src/core/zone/rdata/txt';

const TYPE_TXT = 16;

function txtRecords(text: string): ResourceRecord[] {
  const zone = parseZone({ file: new SourceFile('/zones/example.com.zone', text), origin: 'example.com.', originSource: 'option', host: { readFile: () => undefined, mayRead: () => false }, generateLimit: 65536 });
  return zone.records.filter((record) => record.type === TYPE_TXT);
}

/** The record's rdata read again from its text without the source text: the reader then lists the strings. */
function listedData(record: ResourceRecord): TxtData {
  const span = record.rdataSpan;
  const parsed = parseRdata(TYPE_TXT, rdataTokensIn(record.file.text, span.start, span.end), { origin: 'example.com.', entryEnd: span.end });
  assert.ok(parsed.data?.kind === 'txt');
  assert.ok(parsed.data instanceof ListedTxt);
  return parsed.data;
}

function described(data: TxtData) {
  return {
    strings: data.strings.map((string) => ({ span: string.span, quoted: string.quoted, raw: string.raw, value: string.value })),
    count: data.count,
    firstValue: data.firstValue,
    joinedValue: data.joinedValue,
    allQuoted: data.allQuoted,
  };
}

describe('TXT data', () => {
  const CASES: ReadonlyArray<{ readonly name: string; readonly rdata: string; readonly plain: boolean }> = [
    { name: 'one quoted string', rdata: '"v=spf1 -all"', plain: true },
    { name: 'an empty quoted string', rdata: '""', plain: true },
    { name: 'two strings on two lines in parentheses', rdata: '( "v=DKIM1; k=rsa; "\n  "p=MIIB" )', plain: true },
    { name: 'a comment between strings, holding a quote', rdata: '( "a" ; say "b"\n "c" )', plain: false },
    { name: 'an escaped quote', rdata: '"say \\"hi\\""', plain: false },
    { name: 'a decimal escape', rdata: '"esc\\059aped"', plain: false },
    { name: 'an unquoted word', rdata: 'word', plain: false },
    { name: 'a quoted string then a word', rdata: '"v=spf1" -all', plain: false },
  ];
  for (const { name, rdata, plain } of CASES) {
    it(`${name}: ${plain ? 'kept as places' : 'listed'}, and read as the listed strings`, () => {
      const [record] = txtRecords(`$TTL 60\n@ TXT ${rdata}\n`);
      assert.equal(record.data instanceof PlainTxt, plain);
      assert.ok(record.data.kind === 'txt');
      assert.deepEqual(described(record.data), described(listedData(record)));
    });
  }

  it('a file that is not all ASCII keeps every record listed', () => {
    const records = txtRecords('$TTL 60\n@ TXT "plain"\nb TXT "caf\u00e9"\n');
    assert.ok(records.every((record) => record.data instanceof ListedTxt));
    assert.equal(records[1].data.kind === 'txt' && records[1].data.firstValue, 'caf\u00c3\u00a9');
  });

  it('reads random rdata of strings, words, escapes, comments and parentheses as the listed strings', () => {
    const stringText = fc.array(fc.constantFrom('a', 'B', ' ', ';', '=', '(', '\\"', '\\\\', '\\059'), { maxLength: 5 }).map((parts) => parts.join(''));
    const piece = fc.oneof(
      stringText.map((text) => `"${text}"`),
      fc.constantFrom('word', 'v=spf1', '-all', 'x\\;y'),
    );
    // Inside parentheses an entry goes on over line ends, so a gap may hold one, and a comment before it.
    const gap = fc.constantFrom(' ', '\t', '\n ', ' ; note "q"\n ');
    const rdata = fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 5 }).map((parts) => `( ${parts.map(([p, g]) => p + g).join('')} )`);
    const forms = { plain: 0, listed: 0 };
    fc.assert(
      fc.property(rdata, (written) => {
        const records = txtRecords(`$TTL 60\n@ TXT ${written}\n`);
        assert.equal(records.length, 1, written);
        const data = records[0].data;
        assert.ok(data.kind === 'txt');
        forms[data instanceof PlainTxt ? 'plain' : 'listed']++;
        assert.deepEqual(described(data), described(listedData(records[0])), written);
      }),
      { numRuns: 500 },
    );
    // Both forms were compared, or the property says less than it seems to.
    assert.ok(forms.plain > 0 && forms.listed > 0, JSON.stringify(forms));
  });

  it('places any range of the joined text where the listed strings place it', () => {
    const strings = fc.array(fc.array(fc.constantFrom('a', 'b', ' ', ';'), { maxLength: 4 }).map((chars) => chars.join('')), { minLength: 1, maxLength: 4 });
    const range = fc.tuple(fc.integer({ min: -1, max: 18 }), fc.integer({ min: -1, max: 18 }));
    let compared = 0;
    fc.assert(
      fc.property(strings, fc.array(range, { minLength: 1, maxLength: 6 }), (values, ranges) => {
        const [record] = txtRecords(`$TTL 60\n@ TXT ( ${values.map((value) => `"${value}"`).join('\n  ')} )\n`);
        assert.ok(record.data instanceof PlainTxt);
        for (const [start, end] of ranges) {
          const listed = textLocation(record, recordTextOf(record), { start, end });
          assert.deepEqual(locateInText(record, { start, end }), listed, JSON.stringify({ values, start, end }));
          compared++;
        }
      }),
      { numRuns: 1000 },
    );
    assert.ok(compared > 0);
  });
});
