// Text encodings inside rdata: IPv4 and IPv6 addresses, and the hex, base64 and base32hex digit decoders that
// BIND feeds token by token (a value may be split across several tokens).

import type { WireWriter } from './wire';

/**
 * Writes the 4 octets of a dotted quad as glibc's inet_pton reads it (the function BIND calls): exactly four
 * decimal parts of 1 to 3 digits, each at most 255, no leading zero. Returns false when the text is not one.
 */
export function writeIpv4(text: string, from: number, to: number, out: WireWriter): boolean {
  let parts = 0;
  let value = -1;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return false;
      value = (value < 0 ? 0 : value) * 10 + (c - 48);
      if (value > 255) return false;
      digits++;
    } else if (c === 46 /* . */) {
      if (digits === 0 || parts === 3) return false;
      out.u8(value);
      parts++;
      value = -1;
      digits = 0;
    } else {
      return false;
    }
  }
  if (digits === 0 || parts !== 3) return false;
  out.u8(value);
  return true;
}

/** True when `text` is a dotted quad by the rules of `writeIpv4` (for checks that must not write). */
export function isIpv4(text: string): boolean {
  let parts = 0;
  let value = -1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return false;
      value = (value < 0 ? 0 : value) * 10 + (c - 48);
      if (value > 255) return false;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || parts === 3) return false;
      parts++;
      value = -1;
      digits = 0;
    } else {
      return false;
    }
  }
  return digits > 0 && parts === 3;
}

const ipv6Groups = new Uint16Array(8);

/**
 * Writes the 16 octets of an IPv6 address as glibc's inet_pton reads it: up to eight groups of 1 to 4 hex
 * digits, at most one `::`, and an optional dotted quad in place of the last two groups.
 * Returns false when the text is not an IPv6 address.
 */
export function writeIpv6(text: string, out: WireWriter): boolean {
  const length = text.length;
  let groups = 0;
  let gapAt = -1;
  let i = 0;
  if (length === 0) return false;
  if (text.charCodeAt(0) === 58 /* : */) {
    if (text.charCodeAt(1) !== 58) return false;
    i = 1;
  }
  let groupStart = i;
  let value = 0;
  let digits = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const hex = hexValue(c);
    if (hex >= 0) {
      if (digits === 4) return false;
      value = (value << 4) | hex;
      digits++;
      continue;
    }
    if (c === 58) {
      groupStart = i + 1;
      if (digits === 0) {
        if (gapAt >= 0) return false;
        gapAt = groups;
        continue;
      }
      if (i + 1 >= length) return false;
      if (groups === 8) return false;
      ipv6Groups[groups++] = value;
      value = 0;
      digits = 0;
      continue;
    }
    if (c === 46 /* . */ && groups <= 6) {
      // An embedded dotted quad takes the place of the last two groups.
      if (!isIpv4(text.slice(groupStart))) return false;
      const quad = text.slice(groupStart).split('.');
      ipv6Groups[groups++] = (Number(quad[0]) << 8) | Number(quad[1]);
      ipv6Groups[groups++] = (Number(quad[2]) << 8) | Number(quad[3]);
      digits = 0;
      i = length;
      break;
    }
    return false;
  }
  if (digits > 0) {
    if (groups === 8) return false;
    ipv6Groups[groups++] = value;
  }
  if (gapAt >= 0) {
    if (groups === 8) return false;
    const shift = 8 - groups;
    for (let g = groups - 1; g >= gapAt; g--) ipv6Groups[g + shift] = ipv6Groups[g];
    for (let g = gapAt; g < gapAt + shift; g++) ipv6Groups[g] = 0;
  } else if (groups !== 8) {
    return false;
  }
  for (let g = 0; g < 8; g++) out.u16(ipv6Groups[g]);
  return true;
}

/** RFC 5952 text of 16 octets: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
export function formatIpv6(bytes: Uint8Array, offset: number): string {
  let bestStart = -1;
  let bestLength = 1;
  let runStart = -1;
  for (let g = 0; g <= 8; g++) {
    const zero = g < 8 && bytes[offset + 2 * g] === 0 && bytes[offset + 2 * g + 1] === 0;
    if (zero) {
      if (runStart < 0) runStart = g;
    } else if (runStart >= 0) {
      if (g - runStart > bestLength) {
        bestStart = runStart;
        bestLength = g - runStart;
      }
      runStart = -1;
    }
  }
  // The text is gathered as character codes and made in one step: joined piece by piece it would be a rope of
  // three strings (the first ones copied again at each step), and a zone keeps the address of each AAAA record.
  const codes: number[] = [];
  for (let g = 0; g < 8; g++) {
    if (g === bestStart) {
      codes.push(COLON);
      if (g === 0) codes.push(COLON);
      g += bestLength - 1;
      continue;
    }
    const group = (bytes[offset + 2 * g] << 8) | bytes[offset + 2 * g + 1];
    for (let shift = group >= 0x1000 ? 12 : group >= 0x100 ? 8 : group >= 0x10 ? 4 : 0; shift >= 0; shift -= 4) {
      codes.push(HEX_DIGITS.charCodeAt((group >> shift) & 15));
    }
    if (g < 7) codes.push(COLON);
  }
  return String.fromCharCode.apply(null, codes);
}

const COLON = 58;
const HEX_DIGITS = '0123456789abcdef';

export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Result of feeding one token to a digit decoder. */
export const enum Feed {
  Ok = 0,
  /** A character that is not a digit of the encoding (or misplaced padding). */
  BadDigit = 1,
  /** More data than the declared length allows. */
  TooLong = 2,
}

/**
 * Hex digits fed token by token: a pair of digits may straddle two tokens, as BIND's isc_hex_tobuffer allows.
 * With a `limit`, writing stops there and any further digit is `TooLong`.
 */
export class HexDecoder {
  private high = -1;
  written = 0;

  constructor(
    private readonly out: WireWriter,
    private readonly limit: number = Infinity,
  ) {}

  feed(text: string): Feed {
    for (let i = 0; i < text.length; i++) {
      const v = hexValue(text.charCodeAt(i));
      if (v < 0) return Feed.BadDigit;
      if (this.written >= this.limit) return Feed.TooLong;
      if (this.high < 0) {
        this.high = v;
      } else {
        this.out.u8((this.high << 4) | v);
        this.high = -1;
        this.written++;
      }
    }
    return Feed.Ok;
  }

  /** True when no half octet is pending. */
  get complete(): boolean {
    return this.high < 0;
  }
}

const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  BASE64_VALUES['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
}

/**
 * Base64 fed token by token, as BIND's isc_base64_tobuffer: quanta of four characters may straddle tokens,
 * `=` pads only the final quantum (`xx==` or `xxx=`), the padded-out bits must be zero, and nothing but more
 * `=` may follow padding.
 */
export class Base64Decoder {
  /** Bits of the quantum being read, 6 per character. */
  private bits = 0;
  /** Characters of the current quantum read so far, padding included. */
  private count = 0;
  /** `=` characters seen in the current quantum; 4 once a padded quantum is complete. */
  private padding = 0;
  written = 0;

  constructor(private readonly out: WireWriter) {}

  feed(text: string): Feed {
    let bits = this.bits;
    let count = this.count;
    let padded = this.padding > 0;
    const out = this.out;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 61 /* = */) {
        padded = true;
        if (count < 2 || this.padding === 4) return Feed.BadDigit;
        this.padding++;
        bits <<= 6;
        count++;
        if (count === 4) {
          // `xx==` keeps one octet and `xxx=` two; the bits the padding covers must be zero.
          if (this.padding === 2) {
            if ((bits & 0xffff) !== 0) return Feed.BadDigit;
            out.u8(bits >>> 16);
            this.written += 1;
          } else {
            if ((bits & 0xff) !== 0) return Feed.BadDigit;
            out.u8(bits >>> 16);
            out.u8((bits >>> 8) & 0xff);
            this.written += 2;
          }
          this.padding = 4;
          bits = 0;
          count = 0;
        }
        continue;
      }
      const v = c < 128 ? BASE64_VALUES[c] : -1;
      if (v < 0 || padded) return Feed.BadDigit;
      bits = (bits << 6) | v;
      if (++count === 4) {
        out.u24(bits);
        this.written += 3;
        bits = 0;
        count = 0;
      }
    }
    this.bits = bits;
    this.count = count;
    return Feed.Ok;
  }

  /** True when the input ended on a quantum boundary. */
  get complete(): boolean {
    return this.count === 0;
  }
}

/**
 * Decodes base32hex (RFC 4648 §7, digits 0-9 and A-V in either case) without padding, as NSEC3 uses it.
 * Returns false on a bad digit, on a length that cannot end a quantum, or on non-zero leftover bits.
 */
export function writeBase32Hex(text: string, out: WireWriter): boolean {
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 86) v = c - 55;
    else if (c >= 97 && c <= 118) v = c - 87;
    else return false;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.u8((buffer >> bits) & 0xff);
    }
  }
  // 8 characters make 5 octets; a partial quantum must be one RFC 4648 allows (2, 4, 5 or 7 characters).
  const tail = text.length % 8;
  if (tail === 1 || tail === 3 || tail === 6) return false;
  return (buffer & ((1 << bits) - 1)) === 0;
}
