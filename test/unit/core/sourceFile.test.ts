// SourceFile's line index, which maps every finding to a line and column: LF, CRLF and lone CR each end a line, as
// in BIND, and files without any CR take a faster path that must give the same answers.

import assert from 'node:assert/strict';
import { SourceFile } from '../../../server/src/core/types';

describe('SourceFile line index', () => {
  const cases: [string, string, number[]][] = [
    ['empty text', '', [0]],
    ['LF only', 'a\nbb\n\nc', [0, 2, 5, 6]],
    ['LF at the end', 'a\n', [0, 2]],
    ['CRLF', 'a\r\nbb\r\n', [0, 3, 7]],
    ['lone CR', 'a\rb\r', [0, 2, 4]],
    ['mixed', 'a\r\nb\nc\rd', [0, 3, 5, 7]],
  ];
  for (const [name, text, starts] of cases) {
    it(name, () => {
      const file = new SourceFile('/zone', text);
      assert.deepEqual([...file.lineStarts], starts);
      for (let line = 0; line < starts.length; line++) assert.deepEqual(file.positionAt(starts[line]), { line, character: 0 });
    });
  }

  it('finds positions inside lines', () => {
    const file = new SourceFile('/zone', 'abc\ndef\n');
    assert.deepEqual(file.positionAt(5), { line: 1, character: 1 });
    assert.equal(file.offsetAt({ line: 1, character: 1 }), 5);
  });
});

describe('SourceFile.ascii', () => {
  const cases: [string, string, boolean][] = [
    ['empty text', '', true],
    ['plain zone text', '@ IN TXT "v=spf1 -all"\n', true],
    ['DEL is still ASCII', 'a\u007f', true],
    ['a Latin-1 letter', 'caf\u00e9', false],
    ['a character beyond Latin-1', 'x \u2603', false],
    ['an emoji (a surrogate pair)', 'x \ud83d\ude00', false],
    ['a lone surrogate', 'x \ud83d', false],
  ];
  for (const [name, text, ascii] of cases) {
    it(name, () => assert.equal(new SourceFile('/zone', text).ascii, ascii));
  }
});
