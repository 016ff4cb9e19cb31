// The entry point of the rdata readers: dispatches on the type, handles the RFC 3597 `\#` form for every type,
// and turns the first problem into an issue, as BIND stops at the first bad field of a record.

import { TokenKind } from '../lexer';
import { typeName } from '../rrtypes';
import {
  charStrings,
  numberAndName,
  OTHER,
  readA,
  readAaaa,
  readCaa,
  readMx,
  readSingleName,
  readSoa,
  readSrv,
  readTarget,
  readTextStrings,
  readTxt,
  readUri,
  twoNames,
  type ReadRdata,
} from './basic';
import { DNSSEC_READERS } from './dnssec';
import { locWire, readLoc } from './loc';
import {
  base64Only,
  eui,
  hexOnly,
  preferenceAnd64,
  readA6,
  readAmtrelay,
  readApl,
  readAtma,
  readCert,
  readDoa,
  readDsync,
  readGpos,
  readHip,
  readIpseckey,
  readIsdn,
  readL32,
  readNaptr,
  readNsap,
  readNull,
  readPx,
  readSink,
  readSshfp,
  readTlsa,
  readWks,
  readX25,
} from './misc';
import { readSvcb, svcbWire } from './svcb';
import { dataFromWire, readGeneric } from './generic';
import { decimalValue, RdataFailure, RdataReader } from './reader';
import type { ParsedRdata, RdataContext, RdataIssue, RdataTokens } from './types';
import * as wire from './wirecheck';
import { WireOverflow, WireWriter } from './wire';

interface TypeSpec {
  /** Reads the presentation form. */
  readonly read: ReadRdata;
  /** Validates wire form, for RFC 3597 data of this type. */
  readonly wire: wire.WireCheck;
}

const SPECS = new Map<number, TypeSpec>();

function define(codes: number | readonly number[], read: ReadRdata, check: wire.WireCheck): void {
  for (const code of typeof codes === 'number' ? [codes] : codes) SPECS.set(code, { read, wire: check });
}

define(1, readA, wire.fixed(4, 'IPv4 address'));
define(28, readAaaa, wire.fixed(16, 'IPv6 address'));
define([2, 5, 12, 39], readTarget, wire.oneName);
define([7, 8, 9, 23], readSingleName, wire.oneName);
define(15, readMx, wire.numberAndName);
define(18, numberAndName('AFSDB subtype', 'AFSDB hostname'), wire.numberAndName);
define(21, numberAndName('RT preference', 'RT intermediate host'), wire.numberAndName);
define(36, numberAndName('KX preference', 'KX exchanger name'), wire.numberAndName);
define(107, numberAndName('LP preference', 'LP locator name'), wire.numberAndName);
define(14, twoNames('MINFO responsible mailbox', 'MINFO error mailbox'), wire.twoNames);
define(17, twoNames('RP mailbox', 'RP TXT name'), wire.twoNames);
define(6, readSoa, wire.soa);
define(33, readSrv, wire.srv);
define([16, 99], readTxt, wire.textStrings);
define([56, 258, 261, 262], readTextStrings, wire.textStrings);
define(13, charStrings(['HINFO CPU', 'HINFO OS']), (c) => {
  c.charString('CPU');
  c.charString('OS');
});
define(257, readCaa, wire.caa);
define(256, readUri, (c) => {
  c.take(4, 'priority and weight');
  c.rest();
});

define(10, readNull, wire.anything);
define(11, readWks, wire.wks);
define(19, readX25, wire.x25);
define(20, readIsdn, wire.isdn);
define(22, readNsap, wire.nonEmpty('NSAP address'));
define(26, readPx, wire.px);
define(27, readGpos, wire.gpos);
define(29, readLoc, locWire);
define([31, 32], hexOnly('data'), wire.nonEmpty('data'));
define(34, readAtma, wire.atma);
define(35, readNaptr, wire.naptr);
define(37, readCert, wire.cert);
define(38, readA6, wire.a6);
define(40, readSink, wire.sink);
define(42, readApl, wire.apl);
define(44, readSshfp, wire.sshfp);
define(45, readIpseckey, wire.ipseckey);
define(49, base64Only('DHCID data'), wire.nonEmpty('DHCID data'));
define([52, 53], readTlsa, wire.tlsa);
define(55, readHip, wire.hip);
define(58, twoNames('TALINK previous name', 'TALINK next name'), wire.twoNames);
define(61, base64Only('OpenPGP key'), wire.nonEmpty('OpenPGP key'));
define([64, 65], readSvcb, svcbWire);
define(66, readDsync, wire.dsync);
define([67, 68], base64Only('data'), wire.nonEmpty('data'));
define(104, preferenceAnd64('NID node identifier'), wire.fixed(10, 'preference and node identifier'));
define(105, readL32, wire.fixed(6, 'preference and locator'));
define(106, preferenceAnd64('L64 locator'), wire.fixed(10, 'preference and locator'));
define(108, eui(6), wire.fixed(6, 'EUI-48 address'));
define(109, eui(8), wire.fixed(8, 'EUI-64 address'));
define(259, readDoa, wire.doa);
define(260, readAmtrelay, wire.amtrelay);

const DNSSEC_WIRE: Readonly<Record<number, wire.WireCheck>> = {
  24: wire.rrsig,
  25: wire.key,
  30: wire.nxt,
  43: wire.ds,
  46: wire.rrsig,
  47: wire.nsec,
  48: wire.dnskey,
  50: wire.nsec3,
  51: wire.nsec3param,
  57: wire.rkey,
  59: wire.ds,
  60: wire.dnskey,
  62: wire.csync,
  63: wire.zonemd,
  32768: wire.ds,
  32769: wire.ds,
  65533: wire.keydata,
};
for (const [code, read] of DNSSEC_READERS) define(code, read, DNSSEC_WIRE[code]);

const writer = new WireWriter();

/**
 * Reads the rdata tokens of one record of type `type`. Returns the wire form and structured data when the rdata
 * is valid, and the issues found (at most one error: reading stops at the first, as in BIND).
 */
export function parseRdata(type: number, tokens: RdataTokens, context: RdataContext): ParsedRdata {
  const result = readInto(type, tokens, context, true);
  return { wire: result.data === undefined ? undefined : writer.take(), data: result.data, issues: result.issues };
}

/**
 * Checks and reads rdata like `parseRdata`, without copying the wire form out: the zone parser keeps no wire form
 * per record (a record rebuilds it on demand), which saves an allocation and a typed array for each of them.
 */
export function readRdata(type: number, tokens: RdataTokens, context: RdataContext): Omit<ParsedRdata, 'wire'> {
  return readInto(type, tokens, context, false);
}

function readInto(type: number, tokens: RdataTokens, context: RdataContext, wireWanted: boolean): Omit<ParsedRdata, 'wire'> {
  writer.reset(wireWanted);
  const reader: RdataReader = new RdataReader(tokens, context, writer);
  const spec = SPECS.get(type);
  try {
    if (isGenericForm(type, tokens)) return readGenericRecord(type, spec, reader);
    if (spec === undefined) {
      const first = tokens[0];
      if (first === undefined) reader.failAtEnd(`rdata in the RFC 3597 form \\# <length> <hex>`);
      reader.fail(first, 'zone-bad-rdata', `type ${typeName(type)} has no presentation format here: write its rdata as \\# <length> <hex> (RFC 3597)`);
    }
    const data = spec.read(reader);
    reader.finish();
    return { data, issues: reader.warnings };
  } catch (error) {
    return failed(error, reader);
  }
}

/** `\#` starts the generic form, except in TXT when no length follows: then it is a literal `#` (as BIND). */
function isGenericForm(type: number, tokens: RdataTokens): boolean {
  const first = tokens[0];
  if (first === undefined || first.kind !== TokenKind.Word || first.text !== '\\#') return false;
  if (type !== 16) return true;
  const next = tokens[1];
  return next !== undefined && next.kind === TokenKind.Word && decimalValue(next.text) >= 0;
}

function readGenericRecord(type: number, spec: TypeSpec | undefined, reader: RdataReader): Omit<ParsedRdata, 'wire'> {
  reader.next('\\#');
  readGeneric(reader);
  reader.finish();
  const bytes = writer.view(0, writer.length);
  const tokens = reader.tokens;
  const span = { start: tokens[0].start, end: tokens[tokens.length - 1].end };
  if (spec === undefined) return { data: OTHER, issues: reader.warnings };
  const problem = wire.checkWire(spec.wire, bytes);
  if (problem !== undefined) {
    const issue: RdataIssue = { ruleId: 'zone-bad-rdata', message: `RFC 3597 data is not valid ${typeName(type)} rdata: ${problem}`, span };
    return { data: undefined, issues: [issue] };
  }
  return { data: dataFromWire(type, bytes, span), issues: reader.warnings };
}

function failed(error: unknown, reader: RdataReader): Omit<ParsedRdata, 'wire'> {
  let issue: RdataIssue;
  if (error instanceof RdataFailure) {
    issue = error.issue;
  } else if (error instanceof WireOverflow) {
    const at = reader.previous ?? reader.tokens[0];
    issue = { ruleId: 'zone-bad-rdata', message: 'rdata longer than 65535 octets', span: { start: at.start, end: at.end } };
  } else {
    throw error;
  }
  return { data: undefined, issues: [...reader.warnings, issue] };
}
