// The zone reader's memo of the last name read must answer exactly as parseName does, whatever it was asked last.

import assert from 'node:assert/strict';
import { LastNameMemo, parseName } from '../../../server/src/core/zone/names';

describe('LastNameMemo', () => {
  it('answers as parseName for a sequence that repeats names, changes origins and meets errors', () => {
    const memo = new LastNameMemo();
    const asked: [string, string][] = [
      ['mx.d0', 'example.com.'],
      ['mx.d0', 'example.com.'],
      ['mx.d0', 'example.org.'],
      ['mx.d0', 'example.com.'],
      ['@', 'example.com.'],
      ['@', 'example.org.'],
      ['a..b', 'example.com.'],
      ['a..b', 'example.com.'],
      ['host.example.net.', 'example.com.'],
      ['x'.repeat(64), 'example.com.'],
      ['mx.d0', 'example.com.'],
    ];
    for (const [raw, origin] of asked) assert.deepEqual(memo.parse(raw, origin), parseName(raw, origin), `${raw} under ${origin}`);
  });
});
