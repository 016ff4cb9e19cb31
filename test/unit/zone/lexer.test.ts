// Lexer tests: entries, tokens and errors for the lexical rules of shared/notes/zone-syntax.md B.1.

import assert from 'node:assert/strict';
import type { Entry } from '../../../server/src/core/zone/lexer';
import { lexEntries, rdataTokensIn, TokenKind } from '../../../server/src/core/zone/lexer';

interface LexedEntry {
  tokens: string[];
  blankOwner: boolean;
  errors: string[];
}

function lex(text: string): { entries: LexedEntry[]; comments: string[] } {
  const entries: Entry[] = [];
  const result = lexEntries(text, (entry) => entries.push(entry));
  return {
    entries: entries.map((entry) => ({
      tokens: entry.tokens.map((token) => (token.kind === TokenKind.QString ? `"${token.text}"` : token.text)),
      blankOwner: entry.blankOwner,
      errors: entry.errors.map((error) => `${error.span.start}:${error.message.split(':')[0]}`),
    })),
    comments: result.comments.map((comment) => text.slice(comment.span.start, comment.span.end)),
  };
}

describe('lexer', () => {
  const cases: { name: string; text: string; tokens: string[][]; blank?: boolean[]; errors?: string[][] }[] = [
    { name: 'one entry per line', text: 'a A 1.2.3.4\nb A 5.6.7.8\n', tokens: [['a', 'A', '1.2.3.4'], ['b', 'A', '5.6.7.8']] },
    { name: 'CRLF and lone CR end lines', text: 'a A 1\r\nb A 2\rc A 3', tokens: [['a', 'A', '1'], ['b', 'A', '2'], ['c', 'A', '3']] },
    { name: 'blank and comment lines give no entry', text: 'a A 1\n\n; note\n   ; indented note\n  A 2\n', tokens: [['a', 'A', '1'], ['A', '2']], blank: [false, true] },
    { name: 'parentheses join lines and are removed', text: '@ SOA ns h (\n 1 2\n 3 4 5 )\n', tokens: [['@', 'SOA', 'ns', 'h', '1', '2', '3', '4', '5']] },
    { name: 'nested parentheses', text: 'a TXT ( ( "x" ) )\n', tokens: [['a', 'TXT', '"x"']] },
    { name: 'parentheses delimit tokens', text: 'a TXT a(b)c\n', tokens: [['a', 'TXT', 'a', 'b', 'c']] },
    { name: 'comment inside a word ends it', text: 'a TXT abc;x\n', tokens: [['a', 'TXT', 'abc']] },
    { name: 'escaped semicolon and space stay in the word', text: 'a TXT a\\;b c\\ d\n', tokens: [['a', 'TXT', 'a\\;b', 'c\\ d']] },
    { name: 'quoted string keeps ; ( ) and spaces', text: 'a TXT "x; (y) z"\n', tokens: [['a', 'TXT', '"x; (y) z"']] },
    { name: 'adjacent quoted and word make two tokens', text: 'a TXT "a"b\n', tokens: [['a', 'TXT', '"a"', 'b']] },
    { name: 'escaped quote inside a string', text: 'a TXT "say \\"hi\\""\n', tokens: [['a', 'TXT', '"say \\"hi\\""']] },
    { name: 'backslash-newline continues a string', text: 'a TXT "l1\\\nl2"\n', tokens: [['a', 'TXT', '"l1\\\nl2"']] },
    { name: 'leading whitespace means blank owner', text: '\tA 1\n', tokens: [['A', '1']], blank: [true] },
    { name: 'whitespace inside parentheses is not a blank owner', text: 'a (\n A 1 )\n', tokens: [['a', 'A', '1']], blank: [false] },
    { name: 'unclosed quote is an error at the quote', text: 'a TXT "abc\nb A 1\n', tokens: [['a', 'TXT', '"abc"'], ['b', 'A', '1']], errors: [['6:unbalanced quotes'], []] },
    { name: 'close without open', text: 'a A 1 )\n', tokens: [['a', 'A', '1']], errors: [['6:unbalanced parentheses']] },
    {
      name: 'unclosed paren recovers at the next column-0 line',
      text: 'a TXT ( "x"\n  "y"\nb A 1\nc A 2\n',
      tokens: [['a', 'TXT'], ['b', 'A', '1'], ['c', 'A', '2']],
      errors: [['6:unbalanced parentheses'], [], []],
    },
    { name: 'NUL byte is an error', text: 'a A \u0000 1\n', tokens: [['a', 'A', '1']], errors: [['4:NUL byte in zone text']] },
    // The quoted-string scan jumps from one quote, backslash, line break or NUL to the next: these cases cross them.
    { name: 'NUL byte inside a quoted string', text: 'a TXT "x\u0000y"\n', tokens: [['a', 'TXT', '"x\u0000y"']], errors: [['8:NUL byte in zone text']] },
    { name: 'unclosed quote at the end of the text', text: 'a TXT "abc', tokens: [['a', 'TXT', '"abc"']], errors: [['6:unbalanced quotes']] },
    { name: 'backslash at the end of an unclosed string', text: 'a TXT "ab\\', tokens: [['a', 'TXT', '"ab\\"']], errors: [['6:unbalanced quotes']] },
    { name: 'escaped CRLF continues a string', text: 'a TXT "l1\\\r\nl2"\n', tokens: [['a', 'TXT', '"l1\\\r\nl2"']] },
    { name: 'escapes in a later string of the line', text: 'a TXT "x" "y\\"z" "w"\nb TXT "v"\n', tokens: [['a', 'TXT', '"x"', '"y\\"z"', '"w"'], ['b', 'TXT', '"v"']] },
    { name: 'escaped backslash before the closing quote', text: 'a TXT "x\\\\" b\n', tokens: [['a', 'TXT', '"x\\\\"', 'b']] },
    { name: 'characters beyond ASCII stay in a word', text: 'a TXT caf\u00e9 \u2603x\n', tokens: [['a', 'TXT', 'caf\u00e9', '\u2603x']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { entries } = lex(c.text);
      assert.deepEqual(entries.map((e) => e.tokens), c.tokens);
      if (c.blank) assert.deepEqual(entries.map((e) => e.blankOwner), c.blank);
      assert.deepEqual(entries.map((e) => e.errors), c.errors ?? c.tokens.map(() => []));
    });
  }

  it('collects comments with their text', () => {
    assert.deepEqual(lex('a A 1 ; first\n; second\n').comments, ['; first', '; second']);
  });

  it('reads rdata tokens again from a range exactly as the entry had them', () => {
    const text = 'a TXT ( "one" ; note\n  two\\ x "th\\"ree"\n "four" )\nb A 192.0.2.1\n';
    const entries: Entry[] = [];
    lexEntries(text, (entry) => entries.push(entry));
    const rdata = entries[0].tokens.slice(2);
    assert.deepEqual(rdataTokensIn(text, rdata[0].start, rdata[rdata.length - 1].end), rdata);
  });

  it('recovers from each of many unclosed parentheses', () => {
    const { entries } = lex('a TXT ( "x"\n'.repeat(2000));
    assert.equal(entries.length, 2000);
    assert.ok(entries.every((entry) => entry.errors.length === 1));
  });
});
