// The CLI's output as UTF-8 bytes filled into large buffers in place, handed on about a megabyte at a time.

const CHUNK_BYTES = 1 << 20;

/**
 * Collects output bytes. A large zone prints hundreds of thousands of diagnostic lines; writing their repeated parts
 * as bytes made once, and their numbers digit by digit, leaves no string per line for the garbage collector and
 * nothing to join or encode at the end. A chunk ends only between pieces, never inside a UTF-8 sequence.
 *
 * The buffer of a chunk handed on is filled again only when `written` says the chunk is out; otherwise a fresh one
 * is taken, so that a stream that keeps a chunk until later sees it unchanged. Buffers live outside the JavaScript
 * heap, and V8 answers a growth of such memory with a full collection: 70 MB of fresh buffers for a large zone's
 * report made it mark the whole heap, 250 MB, while writing it.
 */
export class ByteOutput {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private length = 0;

  constructor(
    private readonly write: (chunk: Buffer) => void,
    private readonly written?: () => boolean,
  ) {}

  /** Bytes encoded once (`utf8Bytes`) and written many times. */
  bytes(piece: Uint8Array): void {
    if (piece.length > CHUNK_BYTES) {
      this.flush();
      this.write(Buffer.from(piece));
      return;
    }
    this.reserve(piece.length);
    this.buffer.set(piece, this.length);
    this.length += piece.length;
  }

  /** A string, encoded as UTF-8. */
  text(piece: string): void {
    // A UTF-16 unit never takes more than three UTF-8 bytes (a surrogate pair takes four for two units).
    const mostBytes = piece.length * 3;
    if (mostBytes > CHUNK_BYTES) {
      this.flush();
      this.write(Buffer.from(piece, 'utf8'));
      return;
    }
    this.reserve(mostBytes);
    this.length += this.buffer.write(piece, this.length, 'utf8');
  }

  /** A number as `String(value)` writes it, an integer without making that string. */
  integer(value: number): void {
    // Lines and columns are small integers (a string is shorter than 2^30), for which int32 arithmetic is exact
    // and fast; anything else is left to String().
    if ((value | 0) !== value || value < 0) {
      this.text(String(value));
      return;
    }
    this.reserve(MAX_SMALL_DIGITS);
    const buffer = this.buffer;
    let digits = 1;
    for (let limit = 10; value >= limit && digits < MAX_SMALL_DIGITS; limit *= 10) digits++;
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      const tenth = (rest / 10) | 0;
      buffer[--at] = DIGIT_ZERO + rest - tenth * 10;
      rest = tenth;
    } while (rest > 0);
  }

  /** Hands on whatever is still collected. */
  end(): void {
    this.flush();
  }

  private reserve(bytes: number): void {
    if (this.length + bytes > CHUNK_BYTES) this.flush();
  }

  private flush(): void {
    if (this.length === 0) return;
    this.write(this.buffer.subarray(0, this.length));
    if (this.written?.() !== true) this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.length = 0;
  }
}

/** A piece's UTF-8 bytes, made once for `ByteOutput.bytes`. */
export function utf8Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Digits of the largest int32. */
const MAX_SMALL_DIGITS = 10;
const DIGIT_ZERO = 0x30;
