// The RFC 3597 generic rdata form `\# <length> <hex>`, valid for every type, and the structured data recovered
// from its wire form for the kinds the rules read (so `A \# 4 c0000201` still counts as an address).

import type { Span } from '../../types';
import { escapeLabel } from '../names';
import { formatIpv6, HexDecoder, Feed } from './codecs';
import { decimalValue, type RdataReader } from './reader';
import { ListedTxt } from './txt';
import type { CharString, RData } from './types';
import { MAX_RDATA_LENGTH } from './wire';

/**
 * Reads `<length> <hex...>` after the `\#` token: the length is decimal (0 to 65535), the hex may be split
 * into several tokens, and the hex must hold exactly `length` octets. Length 0 takes no hex.
 */
export function readGeneric(r: RdataReader): void {
  const lengthToken = r.word('the RFC 3597 rdata length after \\#');
  const length = decimalValue(lengthToken.text);
  if (length < 0) r.fail(lengthToken, 'zone-bad-rdata', `'${lengthToken.text}' is not a valid RFC 3597 rdata length (expected a decimal number of octets)`);
  if (length > MAX_RDATA_LENGTH) r.fail(lengthToken, 'zone-bad-rdata', `RFC 3597 rdata length ${lengthToken.text} is out of range (0 to 65535)`);
  if (length === 0) return;
  const decoder = new HexDecoder(r.out, length);
  while (decoder.written < length || !decoder.complete) {
    if (r.atEnd) {
      const have = decoder.written;
      r.fail(r.previous!, 'zone-bad-rdata', `RFC 3597 length mismatch: ${length} octets declared but the hex holds ${have}${decoder.complete ? '' : ' and a half'}`);
    }
    const token = r.word('hex rdata');
    const result = decoder.feed(token.text);
    if (result === Feed.BadDigit) r.fail(token, 'zone-bad-rdata', `bad hex '${token.text}' in RFC 3597 rdata (expected hex digits 0-9, a-f)`);
    if (result === Feed.TooLong) r.fail(token, 'zone-bad-rdata', `RFC 3597 length mismatch: the hex holds more than the ${length} octets declared`);
  }
}

/** Structured data for the kinds the rules read, recovered from validated wire form. */
export function dataFromWire(type: number, wire: Uint8Array, span: Span): RData {
  switch (type) {
    case 1:
      return { kind: 'a', address: `${wire[0]}.${wire[1]}.${wire[2]}.${wire[3]}` };
    case 28:
      return { kind: 'aaaa', address: formatIpv6(wire, 0) };
    case 2:
    case 5:
    case 12:
    case 39:
      return { kind: 'target', target: nameAt(wire, 0).name, targetSpan: span };
    case 15:
      return { kind: 'mx', preference: u16At(wire, 0), exchange: nameAt(wire, 2).name, exchangeSpan: span };
    case 33:
      return { kind: 'srv', priority: u16At(wire, 0), weight: u16At(wire, 2), port: u16At(wire, 4), target: nameAt(wire, 6).name, targetSpan: span };
    case 6: {
      const mname = nameAt(wire, 0);
      const rname = nameAt(wire, mname.end);
      const at = rname.end;
      return {
        kind: 'soa',
        mname: mname.name,
        rname: rname.name,
        serial: u32At(wire, at),
        serialSpan: span,
        refresh: u32At(wire, at + 4),
        retry: u32At(wire, at + 8),
        expire: u32At(wire, at + 12),
        minimum: u32At(wire, at + 16),
      };
    }
    case 16:
    case 99: {
      const strings: CharString[] = [];
      for (let at = 0; at < wire.length; at += wire[at] + 1) {
        let value = '';
        for (let i = at + 1; i <= at + wire[at]; i++) value += String.fromCharCode(wire[i]);
        strings.push({ span, quoted: false, raw: escapeText(value), value });
      }
      return new ListedTxt(strings);
    }
    default:
      return { kind: 'other' };
  }
}

function u16At(wire: Uint8Array, at: number): number {
  return (wire[at] << 8) | wire[at + 1];
}

function u32At(wire: Uint8Array, at: number): number {
  return ((wire[at] << 24) >>> 0) + (wire[at + 1] << 16) + (wire[at + 2] << 8) + wire[at + 3];
}

/** The canonical presentation of an uncompressed wire name at `at` (already validated) and where it ends. */
export function nameAt(wire: Uint8Array, at: number): { name: string; end: number } {
  let name = '';
  let pos = at;
  while (wire[pos] !== 0) {
    const length = wire[pos];
    let label = '';
    for (let i = pos + 1; i <= pos + length; i++) label += String.fromCharCode(wire[i]);
    name += escapeLabel(label) + '.';
    pos += length + 1;
  }
  return { name: name === '' ? '.' : name, end: pos + 1 };
}

/** Character-string octets as BIND prints them unquoted: `\DDD` for non-printables, `\` before specials. */
function escapeText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c >= 0x7f) out += '\\' + String(c).padStart(3, '0');
    else if (c === 0x22 || c === 0x3b || c === 0x5c || c === 0x40) out += '\\' + value[i];
    else out += value[i];
  }
  return out;
}
