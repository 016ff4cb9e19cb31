// The CLI's byte output: numbers as String() writes them, strings as UTF-8, and chunks that never cut a character.

import assert from 'node:assert/strict';
import { ByteOutput, utf8Bytes } from '../../server/src/cli/output';

function collect(writeAll: (out: ByteOutput) => void): Buffer[] {
  const chunks: Buffer[] = [];
  const out = new ByteOutput((chunk) => chunks.push(chunk));
  writeAll(out);
  out.end();
  return chunks;
}

const MEGABYTE = 1 << 20;

describe('ByteOutput', () => {
  const numbers = [0, -0, 7, 9, 10, 99, 100, 12345, 999999999, 1000000000, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -1, -42, 1.5, Number.NaN];
  for (const value of numbers) {
    it(`writes ${Object.is(value, -0) ? '-0' : String(value)} as String() does`, () => {
      assert.equal(Buffer.concat(collect((out) => out.integer(value))).toString('latin1'), String(value));
    });
  }

  const pieces: [string, (out: ByteOutput) => void, string][] = [
    ['text and bytes in order', (out) => (out.text('é "x"'), out.bytes(utf8Bytes('😀,')), out.integer(42)), 'é "x"😀,42'],
    ['a text piece larger than a chunk', (out) => (out.text('a'), out.text('ü'.repeat(MEGABYTE)), out.text('z')), `a${'ü'.repeat(MEGABYTE)}z`],
    ['a byte piece larger than a chunk', (out) => (out.text('a'), out.bytes(utf8Bytes('b'.repeat(MEGABYTE + 5))), out.text('z')), `a${'b'.repeat(MEGABYTE + 5)}z`],
    ['nothing', () => undefined, ''],
  ];
  for (const [name, write, text] of pieces) {
    it(`writes ${name}`, () => {
      assert.equal(Buffer.concat(collect(write)).toString('utf8'), text);
    });
  }

  it('hands on chunks of at most a megabyte that each end between characters', () => {
    const piece = 'ab€😀';
    const chunks = collect((out) => {
      for (let i = 0; i < 200000; i++) {
        out.text(piece);
        out.integer(i);
      }
    });
    assert.ok(chunks.length > 1, 'several chunks');
    for (const chunk of chunks) {
      assert.ok(chunk.length <= MEGABYTE, `a chunk of ${chunk.length} bytes`);
      // A chunk that ended inside a character would not survive decoding on its own.
      assert.ok(Buffer.from(chunk.toString('utf8'), 'utf8').equals(chunk), 'a chunk cut a character');
    }
    assert.equal(Buffer.concat(chunks).toString('utf8'), Array.from({ length: 200000 }, (_, i) => `${piece}${i}`).join(''));
  });

  it('never reuses a chunk it handed on while the stream may still hold it', () => {
    const chunks = collect((out) => {
      for (let i = 0; i < 300000; i++) out.text('0123456789');
    });
    assert.ok(chunks.length > 1);
    assert.ok(chunks.every((chunk) => chunk.toString('latin1') === '0123456789'.repeat(chunk.length / 10)));
    assert.equal(new Set(chunks.map((chunk) => chunk.buffer)).size, chunks.length);
  });

  it('fills the buffer of a chunk again once the stream says the chunk is written out', () => {
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    const out = new ByteOutput(
      (chunk) => {
        copies.push(Buffer.from(chunk));
        buffers.add(chunk.buffer);
      },
      () => true,
    );
    for (let i = 0; i < 300000; i++) {
      out.text('0123456789');
      out.integer(i % 10);
    }
    out.end();
    assert.ok(copies.length > 2, 'several chunks');
    assert.equal(buffers.size, 1, 'one buffer, filled again for every chunk');
    assert.equal(Buffer.concat(copies).toString('latin1'), Array.from({ length: 300000 }, (_, i) => `0123456789${i % 10}`).join(''));
  });
});
