// The in-place type reader must give the same answer as typeFromText for every type token, in any case.

import assert from 'node:assert/strict';
import { META_TYPES, OBSOLETE_TYPES, RR_TYPES, typeFromText, typeLookupAt } from '../../../server/src/core/zone/rrtypes';

/** Mixes the case of a mnemonic: every other letter lower case. */
function mixedCase(text: string): string {
  return [...text].map((c, i) => (i % 2 === 0 ? c.toLowerCase() : c)).join('');
}

describe('typeLookupAt', () => {
  const names = [...Object.keys(RR_TYPES), ...Object.keys(OBSOLETE_TYPES), ...Object.keys(META_TYPES)];
  const tokens = [
    ...names.flatMap((name) => [name, name.toLowerCase(), mixedCase(name)]),
    ...['TYPE1', 'type16', 'TYPE00001', 'TYPE65535', 'TYPE65536', 'TYPE', 'FOO', 'A-B', 'A1', '1', 'NSAP-PTR', 'é'],
  ];
  it('answers as typeFromText for every mnemonic and generic form, asked twice (the second time from memory)', () => {
    for (let round = 0; round < 2; round++) {
      for (const token of tokens) {
        // The token stands inside a line, as the parser asks for it.
        const line = `owner 60 IN ${token} rdata`;
        const start = line.indexOf(` ${token} `) + 1;
        assert.deepEqual(typeLookupAt(line, start, start + token.length), typeFromText(token), token);
      }
    }
  });

  it('keeps the written text in the message of an unknown type', () => {
    const line = 'x Foo y';
    assert.equal(typeLookupAt(line, 2, 5).error, typeFromText('Foo').error);
    assert.match(typeLookupAt(line, 2, 5).error ?? '', /'Foo'/);
  });
});
