// Readers for the everyday record types: addresses, single-name types, MX-like and SRV, SOA, and the
// character-string types (TXT, SPF and their kin), as BIND 9.18 reads them from a master file.

import { TokenKind } from '../lexer';
import { formatIpv6, writeIpv4, writeIpv6 } from './codecs';
import type { RdataReader } from './reader';
import { isPlainTxt, ListedTxt, PlainTxt } from './txt';
import type { CharString, RData } from './types';

export type ReadRdata = (reader: RdataReader) => RData;

/** The shared `data` of every type the rules do not look into. */
export const OTHER: RData = { kind: 'other' };

export function readA(r: RdataReader): RData {
  const token = r.word('an IPv4 address');
  if (!writeIpv4(token.text, 0, token.text.length, r.out)) r.fail(token, 'zone-bad-rdata', ipv4Problem(token.text));
  return { kind: 'a', address: token.text };
}

export function readAaaa(r: RdataReader): RData {
  const token = r.word('an IPv6 address');
  const start = r.out.length;
  if (!writeIpv6(token.text, r.out)) r.fail(token, 'zone-bad-rdata', ipv6Problem(token.text));
  return { kind: 'aaaa', address: formatIpv6(r.out.view(start, start + 16), 0) };
}

/** Explains why a token is not a dotted quad, for the issue message. */
export function ipv4Problem(text: string): string {
  const parts = text.split('.');
  let reason = 'expected four decimal octets from 0 to 255, like 192.0.2.1';
  if (parts.length === 4 && parts.every((part) => /^[0-9]{1,3}$/.test(part))) {
    if (parts.some((part) => part.length > 1 && part.startsWith('0'))) reason = 'leading zeros are not allowed';
    else reason = 'each octet must be from 0 to 255';
  }
  return `bad IPv4 address '${text}' (${reason})`;
}

export function ipv6Problem(text: string): string {
  return `bad IPv6 address '${text}' (expected up to eight groups of 1-4 hex digits separated by ':', with at most one '::')`;
}

/** NS, CNAME, DNAME and PTR: one name the rules follow. */
export function readTarget(r: RdataReader): RData {
  const { name, token } = r.name('target name');
  return { kind: 'target', target: name, targetSpan: { start: token.start, end: token.end } };
}

/** MB, MG, MR, NSAP-PTR and other single-name types nothing looks into. */
export function readSingleName(r: RdataReader): RData {
  r.name('domain name');
  return OTHER;
}

export function readMx(r: RdataReader): RData {
  const preference = r.u16('MX preference');
  const { name, token } = r.name('mail exchange name');
  return { kind: 'mx', preference, exchange: name, exchangeSpan: { start: token.start, end: token.end } };
}

/** AFSDB, RT, KX and LP: a 16-bit number then a name. */
export function numberAndName(numberField: string, nameField: string): ReadRdata {
  return (r) => {
    r.u16(numberField);
    r.name(nameField);
    return OTHER;
  };
}

/** MINFO and RP: two names. */
export function twoNames(first: string, second: string): ReadRdata {
  return (r) => {
    r.name(first);
    r.name(second);
    return OTHER;
  };
}

export function readSrv(r: RdataReader): RData {
  const priority = r.u16('SRV priority');
  const weight = r.u16('SRV weight');
  const port = r.u16('SRV port');
  const { name, token } = r.name('SRV target name');
  return { kind: 'srv', priority, weight, port, target: name, targetSpan: { start: token.start, end: token.end } };
}

export function readSoa(r: RdataReader): RData {
  const mname = r.name('SOA primary server name (MNAME)').name;
  const rname = r.name('SOA mailbox name (RNAME)').name;
  const serialToken = r.peek();
  // BIND reads the serial as a plain number: TTL units are accepted in the four timers but not here.
  const serial = r.u32('SOA serial');
  const refresh = r.counter('SOA refresh');
  const retry = r.counter('SOA retry');
  const expire = r.counter('SOA expire');
  const minimum = r.counter('SOA minimum');
  return {
    kind: 'soa',
    mname,
    rname,
    serial,
    serialSpan: { start: serialToken!.start, end: serialToken!.end },
    refresh,
    retry,
    expire,
    minimum,
  };
}

/** TXT and SPF: one or more character-strings, each kept with its span for the rules. */
export function readTxt(r: RdataReader): RData {
  const source = r.context.sourceText;
  if (source !== undefined && isPlainTxt(source, r.context.asciiText === true, r.tokens)) {
    while (!r.atEnd) r.skipCharString('a character-string');
    return new PlainTxt(source, r.tokens[0].start, r.tokens.length);
  }
  const first = r.charString('a character-string');
  // Most records hold one string. A zone keeps every list for its lifetime, and a list grown by push keeps room for
  // 17 entries, so each list is made exactly as long as it needs to be.
  if (r.atEnd) return new ListedTxt([first]);
  const strings: CharString[] = [first];
  while (!r.atEnd) strings.push(r.charString('a character-string'));
  return new ListedTxt(strings.slice());
}

/** NINFO, WALLET, RESINFO, AVC: TXT's syntax with nothing the rules read. */
export function readTextStrings(r: RdataReader): RData {
  r.charString('a character-string');
  while (!r.atEnd) r.charString('a character-string');
  return OTHER;
}

/** A fixed number of character-strings: HINFO (CPU, OS), X25 and ISDN (one required, one optional). */
export function charStrings(fields: readonly string[], optional: readonly string[] = []): ReadRdata {
  return (r) => {
    for (const field of fields) r.charString(field);
    for (const field of optional) if (!r.atEnd) r.charString(field);
    return OTHER;
  };
}

/**
 * CAA (RFC 8659): flags, a tag of letters and digits, and a value that is the rest of the rdata (no length
 * octet, so it may be longer than 255 octets).
 */
export function readCaa(r: RdataReader): RData {
  r.u8('CAA flags');
  const tag = r.word('CAA tag');
  if (!isAlphanumeric(tag.text)) {
    r.fail(tag, 'zone-bad-rdata', `bad CAA tag '${tag.text}' (only letters and digits are allowed, like issue or iodef)`);
  }
  if (tag.text.length > 255) r.fail(tag, 'zone-bad-rdata', `CAA tag '${tag.text}' is longer than 255 characters`);
  r.out.u8(tag.text.length);
  r.out.latin1(tag.text);
  const value = r.next('CAA value');
  r.out.latin1(r.charStringOctets(value, Infinity));
  return OTHER;
}

/** URI (RFC 7553): priority, weight and a quoted target that may exceed 255 octets (BIND allows it empty). */
export function readUri(r: RdataReader): RData {
  r.u16('URI priority');
  r.u16('URI weight');
  const target = r.next('URI target');
  if (target.kind !== TokenKind.QString) r.fail(target, 'zone-syntax', `the URI target must be a quoted string, like "https://example.com/"`);
  r.out.latin1(r.charStringOctets(target, Infinity));
  return OTHER;
}

function isAlphanumeric(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}
