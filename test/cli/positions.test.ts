// The forward-walking position cursor of the CLI's output must place every offset exactly where
// SourceFile.positionAt does, whatever the line ends and whatever order the offsets come in.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PositionCursor } from '../../server/src/cli/positions';
import { SourceFile } from '../../server/src/core/types';

/** Places each [start, end] pair as the JSON writer does: the start moves the cursor, the end only looks ahead. */
function placed(file: SourceFile, spans: readonly (readonly [number, number])[]): [number, number, number, number][] {
  const cursor = new PositionCursor(file);
  return spans.map(([start, end]) => {
    const startLine = cursor.lineOf(start);
    const startCharacter = cursor.characterOf(start);
    const endLine = cursor.lineAhead(end);
    return [startLine, startCharacter, endLine, cursor.characterOf(end)];
  });
}

function expected(file: SourceFile, spans: readonly (readonly [number, number])[]): [number, number, number, number][] {
  return spans.map(([start, end]) => {
    const from = file.positionAt(start);
    const to = file.positionAt(end);
    return [from.line, from.character, to.line, to.character];
  });
}

const manyLines = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');

describe('PositionCursor', () => {
  const cases: [string, string, (readonly [number, number])[]][] = [
    ['an empty file', '', [[0, 0], [-1, 3]]],
    ['LF line ends, ascending spans', 'ab\ncd\n\nef', [[0, 1], [3, 5], [6, 6], [7, 9], [9, 9]]],
    ['CRLF line ends, a span ending inside the break', 'ab\r\ncd\r\n', [[0, 3], [2, 4], [3, 3], [4, 8], [8, 8]]],
    ['mixed line ends', 'a\r\n\rb\n\r\nc\r', [[0, 1], [1, 2], [2, 3], [3, 5], [4, 9], [6, 10], [10, 10]]],
    ['lone CR line ends', 'a\rb\r\rc', [[0, 2], [2, 4], [5, 6]]],
    ['offsets out of range', 'abc\ndef', [[-5, -1], [2, 99], [99, 100]]],
    ['spans in descending order', 'a\nb\nc\nd\n', [[6, 7], [4, 5], [0, 8], [2, 2]]],
    ['spans over many lines, and a jump back', manyLines, [[0, manyLines.length], [10, 1500], [1400, 1401], [20, 30], [21, 1300]]],
    ['non-ASCII text counted in UTF-16 units', 'é😀\nx😀y\n', [[1, 3], [4, 7], [6, 8]]],
  ];
  for (const [name, text, spans] of cases) {
    it(`places ${name} as positionAt does`, () => {
      const file = new SourceFile('/zones/test.zone', text);
      assert.deepEqual(placed(file, spans), expected(file, spans));
    });
  }

  it('agrees with positionAt on any text and any spans', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é', '😀'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.integer({ min: -3, max: 90 }), fc.integer({ min: 0, max: 40 })), { maxLength: 30 }),
        fc.boolean(),
        (source, raw, ascending) => {
          const file = new SourceFile('/zones/test.zone', source);
          const spans = raw.map(([start, length]) => [start, start + length] as const);
          if (ascending) spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          assert.deepEqual(placed(file, spans), expected(file, spans));
        },
      ),
      { numRuns: 500 },
    );
  });
});
