// Unit tests for the shared tag=value list parser: tags with their ranges, and each grammar problem.

import assert from 'node:assert/strict';
import type { TagListProblemKind } from '../../../server/src/core/email/tagList';
import { parseTagList } from '../../../server/src/core/email/tagList';

describe('parseTagList', () => {
  it('reads names, values and their ranges, whitespace around them left out', () => {
    const text = ' v = DKIM1 ;p=ab  cd\t; n=';
    const { tags, problems } = parseTagList(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      tags.map((tag) => [tag.name, tag.value, text.slice(tag.nameRange.start, tag.nameRange.end), text.slice(tag.valueRange.start, tag.valueRange.end), text.slice(tag.range.start, tag.range.end)]),
      [
        ['v', 'DKIM1', 'v', 'DKIM1', 'v = DKIM1'],
        ['p', 'ab  cd', 'p', 'ab  cd', 'p=ab  cd'],
        ['n', '', 'n', '', 'n='],
      ],
    );
  });

  const problemCases: ReadonlyArray<{ text: string; kind: TagListProblemKind; marked: string }> = [
    { text: 'v=DKIM1;; p=', kind: 'empty-tag', marked: ';' },
    { text: ';v=DKIM1', kind: 'empty-tag', marked: ';' },
    { text: 'v=DKIM1; junk', kind: 'missing-equals', marked: 'junk' },
    { text: 'v=DKIM1; 9a=b', kind: 'bad-tag-name', marked: '9a' },
    { text: 'v=DKIM1; a b=c', kind: 'bad-tag-name', marked: 'a b' },
    { text: 'v=DKIM1; =c', kind: 'bad-tag-name', marked: '=' },
    { text: 'v=DKIM1; n=caf\u00e9', kind: 'bad-value-char', marked: '\u00e9' },
    { text: 'v=DKIM1; n=a\u0001b', kind: 'bad-value-char', marked: '\u0001' },
    { text: 'v=DKIM1; p=; ', kind: 'trailing-whitespace', marked: ' ' },
  ];
  for (const { text, kind, marked } of problemCases) {
    it(`reports ${kind} in ${JSON.stringify(text)}`, () => {
      const { problems } = parseTagList(text);
      assert.deepEqual(
        problems.map((problem) => [problem.kind, text.slice(problem.range.start, problem.range.end)]),
        [[kind, marked]],
      );
    });
  }

  it('keeps reading tags after a problem', () => {
    const { tags } = parseTagList('junk; v=DKIM1;; p=abc');
    assert.deepEqual(tags.map((tag) => tag.name), ['v', 'p']);
  });

  it('accepts a final semicolon and an empty text', () => {
    assert.deepEqual(parseTagList('v=DKIM1;').problems, []);
    assert.deepEqual(parseTagList(''), { tags: [], problems: [] });
  });
});
