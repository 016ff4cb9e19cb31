// Readers for the DNSSEC family and its predecessors: DS/CDS/TA/DLV, DNSKEY/CDNSKEY/KEY/RKEY, RRSIG/SIG,
// NSEC/NSEC3/NSEC3PARAM/NXT, KEYDATA, CSYNC and ZONEMD, with BIND's mnemonics, length checks and time formats.

import { typeCodeFromText } from '../rrtypes';
import { writeBase32Hex } from './codecs';
import { OTHER, type ReadRdata } from './basic';
import { AT_LEAST_ONE, decimalValue, type RdataReader } from './reader';
import type { RData } from './types';

/** DNSSEC algorithm mnemonics BIND accepts (dns_secalg_fromtext), any case. */
const ALGORITHMS: Readonly<Record<string, number>> = {
  RSAMD5: 1, DH: 2, DSA: 3, RSASHA1: 5, NSEC3DSA: 6, NSEC3RSASHA1: 7, RSASHA256: 8, RSASHA512: 10,
  ECCGOST: 12, ECDSAP256SHA256: 13, ECDSAP384SHA384: 14, ED25519: 15, ED448: 16, INDIRECT: 252,
  PRIVATEDNS: 253, PRIVATEOID: 254,
};

/** DS digest type mnemonics (dns_dsdigest_fromtext). */
const DIGEST_TYPES: Readonly<Record<string, number>> = {
  'SHA-1': 1, SHA1: 1, 'SHA-256': 2, SHA256: 2, GOST: 3, 'SHA-384': 4, SHA384: 4,
};

/** Digest lengths BIND enforces; other digest types take any non-empty digest (GOST is not checked by 9.18). */
const DIGEST_LENGTHS: Readonly<Record<number, number>> = { 1: 20, 2: 32, 4: 48 };

/** KEY protocol mnemonics (dns_secproto_fromtext). */
const PROTOCOLS: Readonly<Record<string, number>> = { NONE: 0, TLS: 1, EMAIL: 2, DNSSEC: 3, IPSEC: 4, ALL: 255 };

/** KEY/DNSKEY flag mnemonics (dns_keyflags_fromtext), joined with `|`. */
const KEY_FLAGS: Readonly<Record<string, number>> = {
  NOCONF: 0x4000, NOAUTH: 0x8000, NOKEY: 0xc000, FLAG2: 0x2000, EXTEND: 0x1000, FLAG4: 0x0800, FLAG5: 0x0400,
  USER: 0x0000, ZONE: 0x0100, HOST: 0x0200, NTYP3: 0x0300, FLAG8: 0x0080, FLAG9: 0x0040, FLAG10: 0x0020,
  FLAG11: 0x0010, SIG0: 0, SIG1: 1, SIG2: 2, SIG3: 3, SIG4: 4, SIG5: 5, SIG6: 6, SIG7: 7, SIG8: 8, SIG9: 9,
  SIG10: 10, SIG11: 11, SIG12: 12, SIG13: 13, SIG14: 14, SIG15: 15, KSK: 0x0001,
};

/** Reads a number or a mnemonic from `table`, as BIND's dns_*_fromtext functions do. */
function mnemonicOrNumber(r: RdataReader, expected: string, table: Readonly<Record<string, number>>, max: number): number {
  const token = r.word(expected);
  const code = token.text.charCodeAt(0);
  if (code >= 48 && code <= 57) return r.numberOf(token, expected, max);
  const value = table[token.text.toUpperCase()];
  if (value === undefined) {
    r.fail(token, 'zone-bad-rdata', `unknown ${expected} '${token.text}' (expected a number or one of ${Object.keys(table).join(', ')})`);
  }
  return value;
}

export function readAlgorithm(r: RdataReader): number {
  const value = mnemonicOrNumber(r, 'DNSSEC algorithm', ALGORITHMS, 0xff);
  r.out.u8(value);
  return value;
}

/** DS, CDS, TA and DLV (RFC 4034 §5.3): key tag, algorithm, digest type and a hex digest. */
export function readDs(r: RdataReader): RData {
  r.u16('key tag');
  readAlgorithm(r);
  const digestType = mnemonicOrNumber(r, 'digest type', DIGEST_TYPES, 0xff);
  r.out.u8(digestType);
  const octets = DIGEST_LENGTHS[digestType];
  r.hexRest('digest', octets === undefined ? AT_LEAST_ONE : { kind: 'exactly', octets });
  return OTHER;
}

/** KEY/DNSKEY flags: a decimal or 0x-hex number, or mnemonics joined with `|`. */
function readKeyFlags(r: RdataReader): number {
  const token = r.word('key flags');
  const text = token.text;
  let value: number;
  if (text.length > 2 && text.charCodeAt(0) === 48 && (text.charCodeAt(1) | 0x20) === 120 /* 0x */) {
    value = /^[0-9a-fA-F]+$/.test(text.slice(2)) ? parseInt(text.slice(2), 16) : -1;
    if (value < 0) r.fail(token, 'zone-bad-rdata', `unknown key flags '${text}'`);
  } else if (text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57) {
    value = decimalValue(text);
    if (value < 0) r.fail(token, 'zone-bad-rdata', `unknown key flags '${text}' (expected a number like 256 or 257)`);
  } else {
    value = 0;
    for (const part of text.split('|')) {
      const flag = KEY_FLAGS[part.toUpperCase()];
      if (flag === undefined) r.fail(token, 'zone-bad-rdata', `unknown key flag '${part}' in '${text}'`);
      value |= flag;
    }
  }
  if (value > 0xffff) r.fail(token, 'zone-bad-rdata', `key flags ${text} are out of range (0 to 65535)`);
  r.out.u16(value);
  return value;
}

/** The common head of KEY, DNSKEY, CDNSKEY and RKEY: flags, protocol, algorithm. */
function readKeyHead(r: RdataReader): number {
  const flags = readKeyFlags(r);
  r.out.u8(mnemonicOrNumber(r, 'key protocol', PROTOCOLS, 0xff));
  readAlgorithm(r);
  return flags;
}

/** DNSKEY, CDNSKEY: BIND requires key material even with the NOKEY flags. */
export function readDnskey(r: RdataReader): RData {
  readKeyHead(r);
  r.base64Rest('public key', AT_LEAST_ONE);
  return OTHER;
}

/** KEY (RFC 2535 §3.1.2): with both NOKEY bits set (0xC000) there is no key; otherwise one is required. */
export function readKey(r: RdataReader): RData {
  const flags = readKeyHead(r);
  if ((flags & 0xc000) !== 0xc000) r.base64Rest('public key', AT_LEAST_ONE);
  return OTHER;
}

/** RKEY: the flags field must be zero. */
export function readRkey(r: RdataReader): RData {
  const flagsToken = r.peek();
  const flags = readKeyHead(r);
  if (flags !== 0) r.fail(flagsToken!, 'zone-bad-rdata', 'RKEY flags must be 0');
  r.base64Rest('public key', AT_LEAST_ONE);
  return OTHER;
}

/** A type mnemonic, meta types included, or TYPEnnn: what RRSIG covers and bitmaps list. */
function readTypeCode(r: RdataReader, expected: string): number {
  const token = r.word(expected);
  const code = typeCodeFromText(token.text);
  if (code === undefined) r.fail(token, 'zone-bad-rdata', `unknown RR type '${token.text}' (expected a type mnemonic or TYPEnnn)`);
  return code;
}

/**
 * An RRSIG/SIG time: YYYYMMDDHHmmSS (14 digits), or seconds since 1970 written with at most 10 characters.
 * Dates are taken modulo 2^32 as RFC 4034 §3.1.5 serial arithmetic implies, before 1970 too.
 */
function readTime(r: RdataReader, expected: string): number {
  const token = r.word(expected);
  const text = token.text;
  if (text.length <= 10) {
    const value = decimalValue(text);
    if (value < 0) r.fail(token, 'zone-bad-rdata', `bad ${expected} '${text}' (expected YYYYMMDDHHmmSS or seconds since 1970)`);
    if (value > 0xffffffff) r.fail(token, 'zone-bad-rdata', `${expected} ${text} is out of range (at most 4294967295)`);
    r.out.u32(value);
    return value;
  }
  if (text.length !== 14 || decimalValue(text) < 0) {
    r.fail(token, 'zone-bad-rdata', `bad ${expected} '${text}' (expected YYYYMMDDHHmmSS or seconds since 1970)`);
  }
  const seconds = dateSeconds(text);
  if (seconds === undefined) r.fail(token, 'zone-bad-rdata', `${expected} '${text}' is not a valid date and time (YYYYMMDDHHmmSS)`);
  const value = ((seconds % 0x100000000) + 0x100000000) % 0x100000000;
  r.out.u32(value);
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days before each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The value of the `count` decimal digits of `text` at `at` (already known to be digits). */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** Leap days in the years before `year` since year 0 of the proleptic Gregorian calendar. */
function leapDaysBefore(year: number): number {
  const y = year - 1;
  return Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

/** Seconds since 1970 of a YYYYMMDDHHmmSS text, with BIND's range checks (a leap second 60 is allowed). */
function dateSeconds(text: string): number | undefined {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 4, 2);
  const day = digitsAt(text, 6, 2);
  const hour = digitsAt(text, 8, 2);
  const minute = digitsAt(text, 10, 2);
  const second = digitsAt(text, 12, 2);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const leap = isLeapYear(year);
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0)) return undefined;
  const yearDays = (year - 1970) * 365 + leapDaysBefore(year) - leapDaysBefore(1970);
  const days = yearDays + DAYS_BEFORE_MONTH[month - 1] + (month > 2 && leap ? 1 : 0) + day - 1;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

/** RRSIG and SIG (RFC 4034 §3.2). */
export function readRrsig(r: RdataReader): RData {
  r.out.u16(readTypeCode(r, 'type covered'));
  readAlgorithm(r);
  const labels = r.u8('labels');
  r.u32('original TTL');
  readTime(r, 'signature expiration');
  readTime(r, 'signature inception');
  r.u16('key tag');
  const signerAt = r.out.length;
  const signer = r.name("signer's name");
  // BIND refuses a signer with more labels than the labels field: the signer must be the owner or above it.
  const signerLabels = countLabels(r, signerAt);
  if (signerLabels > labels) {
    r.fail(signer.token, 'zone-bad-rdata', `signer's name '${signer.token.text}' has ${signerLabels} labels, more than the labels field (${labels})`);
  }
  r.base64Rest('signature', AT_LEAST_ONE);
  return OTHER;
}

/** Labels of the wire name written at `at`, the root not counted. */
function countLabels(r: RdataReader, at: number): number {
  let count = 0;
  for (let pos = at; r.out.at(pos) !== 0; pos += r.out.at(pos) + 1) count++;
  return count;
}

const bitmapTypes: number[] = [];

/**
 * Reads the remaining tokens as type names and writes the RFC 4034 §4.1.2 window-block bitmap. NSEC needs at
 * least one type in BIND 9.18; NSEC3 and CSYNC may list none.
 */
function readTypeBitmap(r: RdataReader, allowEmpty: boolean): void {
  bitmapTypes.length = 0;
  while (!r.atEnd) bitmapTypes.push(readTypeCode(r, 'a type in the type bitmap'));
  if (bitmapTypes.length === 0 && !allowEmpty) r.failAtEnd('at least one type in the NSEC type bitmap');
  writeTypeBitmap(r, bitmapTypes);
}

function writeTypeBitmap(r: RdataReader, types: number[]): void {
  types.sort((a, b) => a - b);
  let i = 0;
  while (i < types.length) {
    const window = types[i] >> 8;
    let end = i;
    while (end < types.length && types[end] >> 8 === window) end++;
    const octets = ((types[end - 1] & 0xff) >> 3) + 1;
    r.out.u8(window);
    r.out.u8(octets);
    const base = r.out.length;
    for (let k = 0; k < octets; k++) r.out.u8(0);
    for (let k = i; k < end; k++) {
      const low = types[k] & 0xff;
      r.out.setU8(base + (low >> 3), r.out.at(base + (low >> 3)) | (0x80 >> (low & 7)));
    }
    i = end;
  }
}

export function readNsec(r: RdataReader): RData {
  r.name('next domain name');
  readTypeBitmap(r, false);
  return OTHER;
}

/** NSEC3PARAM and the head of NSEC3: hash algorithm, flags, iterations and a hex salt (`-` for none). */
function readNsec3Head(r: RdataReader): void {
  r.u8('hash algorithm');
  r.u8('NSEC3 flags');
  r.u16('iterations');
  const salt = r.word('salt');
  if (salt.text === '-') {
    r.out.u8(0);
    return;
  }
  const lengthAt = r.out.length;
  r.out.u8(0);
  if (salt.text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(salt.text)) {
    r.fail(salt, 'zone-bad-rdata', `bad salt '${salt.text}' (expected an even number of hex digits, or - for none)`);
  }
  if (salt.text.length > 510) r.fail(salt, 'zone-bad-rdata', 'the salt is longer than 255 octets');
  for (let i = 0; i < salt.text.length; i += 2) r.out.u8(parseInt(salt.text.slice(i, i + 2), 16));
  r.out.setU8(lengthAt, salt.text.length / 2);
}

export function readNsec3param(r: RdataReader): RData {
  readNsec3Head(r);
  return OTHER;
}

/** NSEC3 (RFC 5155 §3.3): the next hashed owner is base32hex without padding. */
export function readNsec3(r: RdataReader): RData {
  const algorithm = r.peek();
  readNsec3Head(r);
  const next = r.word('next hashed owner name');
  const lengthAt = r.out.length;
  r.out.u8(0);
  if (!writeBase32Hex(next.text, r.out)) {
    r.fail(next, 'zone-bad-rdata', `bad next hashed owner name '${next.text}' (expected base32hex: digits 0-9 and letters A-V)`);
  }
  const octets = r.out.length - lengthAt - 1;
  if (octets === 0 || octets > 255) r.fail(next, 'zone-bad-rdata', `bad next hashed owner name '${next.text}' (1 to 255 octets)`);
  // BIND knows SHA-1 (hash algorithm 1) and insists on its 20-octet length.
  if (algorithm!.text === '1' && octets !== 20) {
    r.fail(next, 'zone-bad-rdata', `next hashed owner name '${next.text}' is ${octets} octets; a SHA-1 hash is 20 (32 base32hex digits)`);
  }
  r.out.setU8(lengthAt, octets);
  readTypeBitmap(r, true);
  return OTHER;
}

/** NXT (RFC 2535): the next name and a single bitmap of the types 1 to 127. */
export function readNxt(r: RdataReader): RData {
  r.name('next domain name');
  bitmapTypes.length = 0;
  while (!r.atEnd) {
    const token = r.peek()!;
    const code = readTypeCode(r, 'a type in the NXT bitmap');
    if (code === 0 || code > 127) r.fail(token, 'zone-bad-rdata', `type '${token.text}' cannot be listed in an NXT bitmap (types 1 to 127 only)`);
    bitmapTypes.push(code);
  }
  if (bitmapTypes.length === 0) return OTHER;
  bitmapTypes.sort((a, b) => a - b);
  const octets = (bitmapTypes[bitmapTypes.length - 1] >> 3) + 1;
  const base = r.out.length;
  for (let k = 0; k < octets; k++) r.out.u8(0);
  for (const code of bitmapTypes) r.out.setU8(base + (code >> 3), r.out.at(base + (code >> 3)) | (0x80 >> (code & 7)));
  return OTHER;
}

/** CSYNC (RFC 7477): SOA serial, flags and a type bitmap that may be empty. */
export function readCsync(r: RdataReader): RData {
  r.u32('SOA serial');
  r.u16('CSYNC flags');
  readTypeBitmap(r, true);
  return OTHER;
}

/**
 * ZONEMD (RFC 8976): serial, scheme, hash algorithm and digest. SHA-384 and SHA-512 digests have fixed lengths;
 * any digest must be at least 12 octets (RFC 8976 §2.2.4).
 */
export function readZonemd(r: RdataReader): RData {
  r.u32('SOA serial');
  r.u8('ZONEMD scheme');
  const algorithm = r.u8('ZONEMD hash algorithm');
  const octets = algorithm === 1 ? 48 : algorithm === 2 ? 64 : undefined;
  const last = r.tokens[r.tokens.length - 1];
  const written = r.hexRest('digest', octets === undefined ? AT_LEAST_ONE : { kind: 'exactly', octets });
  if (written < 12) r.fail(last, 'zone-bad-rdata', `the ZONEMD digest is ${written} octets; it must be at least 12`);
  return OTHER;
}

/** KEYDATA (BIND's private managed-key type): three YYYYMMDDHHmmSS times, then a DNSKEY. */
export function readKeydata(r: RdataReader): RData {
  readDate(r, 'refresh time');
  readDate(r, 'add-hold-down time');
  readDate(r, 'remove-hold-down time');
  return readDnskey(r);
}

/** A time that must be written as a YYYYMMDDHHmmSS date (KEYDATA takes no plain seconds). */
function readDate(r: RdataReader, expected: string): void {
  const token = r.peek();
  if (token !== undefined && token.text.length !== 14) r.fail(token, 'zone-bad-rdata', `bad ${expected} '${token.text}' (expected YYYYMMDDHHmmSS)`);
  readTime(r, expected);
}

export const DNSSEC_READERS: ReadonlyArray<readonly [number, ReadRdata]> = [
  [24, readRrsig],
  [25, readKey],
  [30, readNxt],
  [43, readDs],
  [46, readRrsig],
  [47, readNsec],
  [48, readDnskey],
  [50, readNsec3],
  [51, readNsec3param],
  [57, readRkey],
  [59, readDs],
  [60, readDnskey],
  [62, readCsync],
  [63, readZonemd],
  [32768, readDs],
  [32769, readDs],
  [65533, readKeydata],
];
