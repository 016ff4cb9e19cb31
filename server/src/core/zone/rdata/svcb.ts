// SVCB and HTTPS (RFC 9460): priority, target and SvcParams, with BIND 9.18's key set (mandatory, alpn,
// no-default-alpn, port, ipv4hint, ech, ipv6hint, dohpath, keyNNNNN) and its consistency checks.

import { TokenKind, type Token } from '../lexer';
import { Base64Decoder, Feed, writeIpv4, writeIpv6 } from './codecs';
import { OTHER } from './basic';
import type { RdataReader } from './reader';
import type { RData } from './types';
import { WireInvalid, type WireCursor, type WireCheck } from './wirecheck';
import { WireWriter } from './wire';

const MANDATORY = 0;
const ALPN = 1;
const NO_DEFAULT_ALPN = 2;
const PORT = 3;
const IPV4HINT = 4;
const ECH = 5;
const IPV6HINT = 6;
const DOHPATH = 7;

/** The key names BIND 9.18 knows; any other key is written keyNNNNN. */
const KEY_NAMES: Readonly<Record<string, number>> = {
  mandatory: MANDATORY,
  alpn: ALPN,
  'no-default-alpn': NO_DEFAULT_ALPN,
  port: PORT,
  ipv4hint: IPV4HINT,
  ech: ECH,
  ipv6hint: IPV6HINT,
  dohpath: DOHPATH,
};

interface Param {
  readonly key: number;
  readonly value: Uint8Array;
  readonly token: Token;
}

/** A private writer for parameter values: they are sorted by key before going into the rdata. */
const valueWriter = new WireWriter();

export function readSvcb(r: RdataReader): RData {
  r.u16('SvcPriority');
  // BIND reads the target as a possibly quoted string.
  const target = r.next('target name');
  r.out.name(r.nameOf(target, 'target name'));
  const params: Param[] = [];
  while (!r.atEnd) params.push(readParam(r));
  params.sort((a, b) => a.key - b.key);
  for (let i = 1; i < params.length; i++) {
    if (params[i].key === params[i - 1].key) r.fail(params[i].token, 'zone-bad-rdata', `SvcParam key${params[i].key} appears twice`);
  }
  checkConsistency(r, params);
  for (const param of params) {
    r.out.u16(param.key);
    r.out.u16(param.value.length);
    for (const octet of param.value) r.out.u8(octet);
  }
  return OTHER;
}

/** One `key`, `key=value` or `key="value"` (the lexer splits the last into a word and an adjacent string). */
function readParam(r: RdataReader): Param {
  const token = r.next('SvcParam');
  if (token.kind === TokenKind.QString) r.fail(token, 'zone-syntax', `a quoted string is not allowed here (expected a SvcParam like alpn=h2)`);
  let rawValue: string | undefined;
  let span: Token = token;
  const equals = token.text.indexOf('=');
  const keyText = equals < 0 ? token.text : token.text.slice(0, equals);
  if (equals >= 0) {
    rawValue = token.text.slice(equals + 1);
    const next = r.peek();
    if (rawValue.length === 0 && next !== undefined && next.kind === TokenKind.QString && next.start === token.end) {
      r.next('SvcParam value');
      rawValue = next.text;
      span = { kind: token.kind, start: token.start, end: next.end, text: token.text + '"' + next.text + '"' };
    }
  }
  const decoded = rawValue === undefined ? '' : decodeValue(r, span, rawValue);
  const known = KEY_NAMES[keyText];
  valueWriter.reset(true);
  let key: number;
  if (known !== undefined) {
    key = known;
    writeKnownValue(r, span, key, keyText, decoded, rawValue !== undefined);
  } else {
    key = keyNumber(r, span, keyText);
    valueWriter.latin1(decoded);
    const problem = valueProblem(key, valueWriter.view(0, valueWriter.length));
    if (problem !== undefined) r.fail(span, 'zone-bad-rdata', `bad value for ${keyText}: ${problem}`);
  }
  if (valueWriter.length > 65535) r.fail(span, 'zone-bad-rdata', 'SvcParam value longer than 65535 octets');
  return { key, value: valueWriter.take(), token: span };
}

/** The value octets after zone-file unescaping (`\DDD`, `\X`). */
function decodeValue(r: RdataReader, span: Token, rawValue: string): string {
  return r.charStringOctets({ ...span, text: rawValue }, Infinity);
}

/** Reads `keyNNNNN` (and known names in any case, as BIND's key-list reader does). */
function keyNumber(r: RdataReader, span: Token, text: string): number {
  const named = KEY_NAMES[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^key[0-9]+$/.test(text)) r.fail(span, 'zone-bad-rdata', `unknown SvcParam key '${text}' (expected mandatory, alpn, no-default-alpn, port, ipv4hint, ech, ipv6hint, dohpath or keyNNNNN)`);
  if (text.length > 4 && text[3] === '0') r.fail(span, 'zone-bad-rdata', `SvcParam key '${text}' has a leading zero`);
  const value = Number(text.slice(3));
  if (value > 65535) r.fail(span, 'zone-bad-rdata', `SvcParam key '${text}' is out of range (key0 to key65535)`);
  return value;
}

function writeKnownValue(r: RdataReader, span: Token, key: number, name: string, value: string, hasValue: boolean): void {
  switch (key) {
    case MANDATORY: {
      if (value.length === 0) r.fail(span, 'zone-bad-rdata', 'mandatory needs a list of keys, like mandatory=alpn,port');
      const keys = value.split(',').map((item) => (item.length === 0 ? r.fail(span, 'zone-bad-rdata', 'an empty key in the mandatory list') : keyNumber(r, span, item)));
      keys.sort((a, b) => a - b);
      for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) r.fail(span, 'zone-bad-rdata', 'a key is listed twice in mandatory');
      for (const listed of keys) valueWriter.u16(listed);
      return;
    }
    case ALPN: {
      const ids = splitAlpn(value);
      if (ids === undefined) r.fail(span, 'zone-bad-rdata', `bad alpn value '${span.text}' (expected a comma-separated list of protocol ids, like h2,h3)`);
      for (const id of ids) {
        valueWriter.u8(id.length);
        valueWriter.latin1(id);
      }
      return;
    }
    case NO_DEFAULT_ALPN:
      if (value.length > 0) r.fail(span, 'zone-bad-rdata', 'no-default-alpn takes no value');
      return;
    case PORT: {
      if (!/^[0-9]+$/.test(value)) r.fail(span, 'zone-bad-rdata', `bad port '${value}' (expected a number from 0 to 65535)`);
      const port = Number(value);
      if (port > 65535) r.fail(span, 'zone-bad-rdata', `port ${value} is out of range (0 to 65535)`);
      valueWriter.u16(port);
      return;
    }
    case IPV4HINT:
      for (const address of value.split(',')) {
        if (!writeIpv4(address, 0, address.length, valueWriter)) r.fail(span, 'zone-bad-rdata', `bad IPv4 address '${address}' in ipv4hint`);
      }
      return;
    case IPV6HINT:
      for (const address of value.split(',')) {
        if (address.length === 0 || !writeIpv6(address, valueWriter)) r.fail(span, 'zone-bad-rdata', `bad IPv6 address '${address}' in ipv6hint`);
      }
      return;
    case ECH: {
      const decoder = new Base64Decoder(valueWriter);
      if (decoder.feed(value) !== Feed.Ok || !decoder.complete) r.fail(span, 'zone-bad-rdata', `bad base64 in ech '${value}'`);
      return;
    }
    default: {
      valueWriter.latin1(value);
      const problem = valueProblem(key, valueWriter.view(0, valueWriter.length));
      if (problem !== undefined) r.fail(span, 'zone-bad-rdata', `bad ${name}${hasValue ? '' : ' (no value)'}: ${problem}`);
    }
  }
}

/**
 * Splits an alpn value on unescaped commas; `\,` and `\\` inside it stand for a literal comma and backslash
 * (the second level of escaping RFC 9460 §A.1 defines). Empty ids and ids over 255 octets are refused.
 */
function splitAlpn(value: string): string[] | undefined {
  const ids: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (i + 1 >= value.length) return undefined;
      current += value[++i];
    } else if (c === ',') {
      if (current.length === 0) return undefined;
      ids.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current.length === 0 || current.length > 255) return undefined;
  ids.push(current);
  return ids;
}

/** BIND's per-key check of a value in wire form (svcb_validate); undefined when the value is fine. */
function valueProblem(key: number, value: Uint8Array): string | undefined {
  switch (key) {
    case MANDATORY:
      if (value.length === 0 || value.length % 2 !== 0) return 'expected a list of 16-bit keys';
      for (let i = 2; i < value.length; i += 2) {
        if (((value[i - 2] << 8) | value[i - 1]) >= ((value[i] << 8) | value[i + 1])) return 'the keys are not in increasing order';
      }
      return undefined;
    case ALPN: {
      if (value.length === 0) return 'expected at least one protocol id';
      for (let i = 0; i < value.length; i += value[i] + 1) {
        if (value[i] === 0 || i + value[i] + 1 > value.length) return 'expected length-prefixed protocol ids';
      }
      return undefined;
    }
    case NO_DEFAULT_ALPN:
      return value.length === 0 ? undefined : 'expected no value';
    case PORT:
      return value.length === 2 ? undefined : 'expected a 2-octet port';
    case IPV4HINT:
      return value.length > 0 && value.length % 4 === 0 ? undefined : 'expected IPv4 addresses (4 octets each)';
    case IPV6HINT:
      return value.length > 0 && value.length % 16 === 0 ? undefined : 'expected IPv6 addresses (16 octets each)';
    case DOHPATH:
      return dohpathProblem(value);
    default:
      return undefined;
  }
}

/** A dohpath (RFC 9461) is a relative URI template starting with `/` that has a `dns` variable. */
function dohpathProblem(value: Uint8Array): string | undefined {
  const text = Buffer.from(value).toString('latin1');
  if (!text.startsWith('/')) return 'a dohpath must start with /';
  const expressions = text.match(/\{[^{}]*\}/g) ?? [];
  const hasDns = expressions.some((expression) => expression.replace(/^\{[?&+#./;]?/, '').replace(/\}$/, '').split(',').some((name) => name.replace(/[*]|:[0-9]+$/, '') === 'dns'));
  return hasDns ? undefined : 'a dohpath must contain the dns variable, like /dns-query{?dns}';
}

/**
 * BIND's checks across parameters: every key listed in mandatory must be present (mandatory itself may not be
 * listed), mandatory may not stand alone, and no-default-alpn needs alpn.
 */
function checkConsistency(r: RdataReader, params: Param[]): void {
  const keys = new Set(params.map((param) => param.key));
  for (const param of params) {
    if (param.key === MANDATORY) {
      for (let i = 0; i < param.value.length; i += 2) {
        const listed = (param.value[i] << 8) | param.value[i + 1];
        if (listed === MANDATORY) r.fail(param.token, 'zone-bad-rdata', 'mandatory may not list itself');
        if (!keys.has(listed)) r.fail(param.token, 'zone-bad-rdata', `mandatory lists key${listed} but the record has no such parameter`);
      }
    }
    if (param.key === NO_DEFAULT_ALPN && !keys.has(ALPN)) r.fail(param.token, 'zone-bad-rdata', 'no-default-alpn needs an alpn parameter');
  }
}

/** SVCB/HTTPS wire form: priority, target, then parameters in strictly increasing key order, each valid. */
export const svcbWire: WireCheck = (c: WireCursor) => {
  c.u16('SvcPriority');
  c.name('target name');
  let last = -1;
  const keys = new Set<number>();
  let mandatory: Uint8Array | undefined;
  while (c.remaining > 0) {
    const key = c.u16('SvcParam key');
    if (key <= last) throw new WireInvalid('SvcParam keys are not in increasing order');
    last = key;
    const length = c.u16('SvcParam length');
    const at = c.take(length, 'SvcParam value');
    const value = c.bytes.subarray(at, at + length);
    const problem = valueProblem(key, value);
    if (problem !== undefined) throw new WireInvalid(`key${key}: ${problem}`);
    keys.add(key);
    if (key === MANDATORY) mandatory = value;
  }
  for (let i = 0; mandatory !== undefined && i < mandatory.length; i += 2) {
    const listed = (mandatory[i] << 8) | mandatory[i + 1];
    if (listed === MANDATORY || !keys.has(listed)) throw new WireInvalid(`mandatory lists key${listed}, which is not a parameter of this record`);
  }
  if (keys.has(NO_DEFAULT_ALPN) && !keys.has(ALPN)) throw new WireInvalid('no-default-alpn without alpn');
};
