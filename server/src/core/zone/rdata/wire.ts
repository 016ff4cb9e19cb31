// The byte buffer rdata readers write wire form into: one shared scratch area, copied out once per record.

/** RDATA can be at most 65535 octets (the RDLENGTH field is 16 bits). */
export const MAX_RDATA_LENGTH = 65535;

/**
 * Thrown when a write would make the rdata longer than 65535 octets; the reader turns it into an issue on the
 * token being read. A plain class (not an Error) so that no stack trace is captured.
 */
export class WireOverflow {}

/**
 * A growable-in-place byte sink. Readers run one at a time (parsing is synchronous), so a single scratch buffer
 * is reused for every record and the only per-record allocation is the final copy.
 */
export class WireWriter {
  /** Room for the largest rdata plus one name (at most 255 octets) written before its length is checked. */
  private readonly bytes = new Uint8Array(MAX_RDATA_LENGTH + 512);
  length = 0;
  /**
   * False while reading rdata whose wire form nobody will take (the zone parser keeps none): text octets then only
   * count towards the 65535-octet limit, which spares copying every TXT character into the buffer. No reader reads
   * text octets back, so this changes nothing else.
   */
  textOctetsWanted = true;

  reset(textOctetsWanted: boolean): void {
    this.length = 0;
    this.textOctetsWanted = textOctetsWanted;
  }

  u8(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  u16(value: number): void {
    this.room(2);
    this.bytes[this.length++] = value >>> 8;
    this.bytes[this.length++] = value & 0xff;
  }

  /** Three octets of a 24-bit value, as a base64 quantum decodes to. */
  u24(value: number): void {
    this.room(3);
    this.bytes[this.length++] = value >>> 16;
    this.bytes[this.length++] = (value >>> 8) & 0xff;
    this.bytes[this.length++] = value & 0xff;
  }

  u32(value: number): void {
    this.room(4);
    this.bytes[this.length++] = value >>> 24;
    this.bytes[this.length++] = (value >>> 16) & 0xff;
    this.bytes[this.length++] = (value >>> 8) & 0xff;
    this.bytes[this.length++] = value & 0xff;
  }

  /** Appends octets held as a latin1 string (one char per octet). */
  latin1(octets: string): void {
    this.room(octets.length);
    if (!this.textOctetsWanted) {
      this.length += octets.length;
      return;
    }
    for (let i = 0; i < octets.length; i++) this.bytes[this.length++] = octets.charCodeAt(i);
  }

  /** Overwrites one octet already written (a length prefix filled in afterwards). */
  setU8(offset: number, value: number): void {
    this.bytes[offset] = value;
  }

  setU16(offset: number, value: number): void {
    this.bytes[offset] = value >>> 8;
    this.bytes[offset + 1] = value & 0xff;
  }

  at(offset: number): number {
    return this.bytes[offset];
  }

  /** A view of written octets (valid until the next reset): for readers that post-process what they wrote. */
  view(start: number, end: number): Uint8Array {
    return this.bytes.subarray(start, end);
  }

  /**
   * Writes a canonical absolute presentation name (as `parseName` returns it) in uncompressed wire form,
   * keeping letter case. Escapes in canonical names are `\DDD` or `\X`.
   */
  name(name: string): void {
    // A name is at most 255 octets: it is written into the slack past the limit, then the length is checked.
    const bytes = this.bytes;
    if (name === '.') {
      this.room(1);
      bytes[this.length++] = 0;
      return;
    }
    let lengthAt = this.length++;
    let labelLength = 0;
    const last = name.length - 1;
    for (let i = 0; i < name.length; i++) {
      let c = name.charCodeAt(i);
      if (c === 46 /* . */) {
        bytes[lengthAt] = labelLength;
        labelLength = 0;
        lengthAt = this.length++;
        if (i === last) break;
        continue;
      }
      if (c === 92 /* \ */) {
        const d1 = name.charCodeAt(i + 1);
        if (d1 >= 48 && d1 <= 57) {
          c = (d1 - 48) * 100 + (name.charCodeAt(i + 2) - 48) * 10 + (name.charCodeAt(i + 3) - 48);
          i += 3;
        } else {
          c = d1;
          i += 1;
        }
      }
      bytes[this.length++] = c;
      labelLength++;
    }
    bytes[lengthAt] = 0;
    if (this.length > MAX_RDATA_LENGTH) throw new WireOverflow();
  }

  /** Copies the written octets out: the record keeps this copy, the scratch buffer is reused. */
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private room(count: number): void {
    if (this.length + count > MAX_RDATA_LENGTH) throw new WireOverflow();
  }
}
