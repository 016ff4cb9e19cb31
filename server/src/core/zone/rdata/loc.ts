// The LOC reader (RFC 1876 §3): latitude, longitude, altitude and three optional precisions, with BIND 9.18's
// limits on each field, and the check of LOC wire form.

import type { Token } from '../lexer';
import { OTHER } from './basic';
import { decimalValue, type RdataReader } from './reader';
import type { RData } from './types';
import { WireInvalid, type WireCheck } from './wirecheck';

/** 2^31: the equator and the prime meridian in LOC's unsigned thousandths of an arc second. */
const ORIGIN_ANGLE = 0x80000000;
/** The altitude reference: 100 000 m below the WGS 84 spheroid, in centimetres. */
const ALTITUDE_BASE = 10000000;

export function readLoc(r: RdataReader): RData {
  const latitude = readAngle(r, 90, 'N', 'S', 'latitude');
  const longitude = readAngle(r, 180, 'E', 'W', 'longitude');
  const altitudeToken = r.word('altitude');
  const altitude = metres(altitudeToken.text, true);
  if (altitude === undefined) r.fail(altitudeToken, 'zone-bad-rdata', `bad altitude '${altitudeToken.text}' (expected metres with at most two decimals, like -24.50m)`);
  if (altitude < -ALTITUDE_BASE || altitude > 0xffffffff - ALTITUDE_BASE) {
    r.fail(altitudeToken, 'zone-bad-rdata', `altitude '${altitudeToken.text}' is out of range (-100000.00m to 42849672.95m)`);
  }
  const precisions = [100, 1000000, 1000];
  const names = ['size', 'horizontal precision', 'vertical precision'];
  for (let i = 0; i < 3 && !r.atEnd; i++) {
    const token = r.word(names[i]);
    const value = metres(token.text, false);
    if (value === undefined) r.fail(token, 'zone-bad-rdata', `bad ${names[i]} '${token.text}' (expected metres with at most two decimals, like 10m)`);
    if (value > 9000000000) r.fail(token, 'zone-bad-rdata', `${names[i]} '${token.text}' is out of range (at most 90000000.00m)`);
    precisions[i] = value;
  }
  r.out.u8(0);
  for (const precision of precisions) r.out.u8(encodePrecision(precision));
  r.out.u32(latitude);
  r.out.u32(longitude);
  r.out.u32(altitude + ALTITUDE_BASE);
  return OTHER;
}

/**
 * Degrees, then optional minutes and seconds, then the hemisphere letter (upper case, as BIND wants).
 * Returns the angle in LOC's wire encoding.
 */
function readAngle(r: RdataReader, maxDegrees: number, positive: string, negative: string, what: string): number {
  const degreesToken = r.word(`${what} degrees`);
  const degrees = r.numberOf(degreesToken, `${what} degrees`, maxDegrees);
  let minutes = 0;
  let thousandths = 0;
  let token = r.word(`${what} minutes or ${positive}/${negative}`);
  if (token.text !== positive && token.text !== negative) {
    minutes = r.numberOf(token, `${what} minutes`, 59);
    if (degrees === maxDegrees && minutes !== 0) r.fail(token, 'zone-bad-rdata', `${what} is out of range (more than ${maxDegrees} degrees)`);
    token = r.word(`${what} seconds or ${positive}/${negative}`);
    if (token.text !== positive && token.text !== negative) {
      thousandths = seconds(r, token, what);
      if (degrees === maxDegrees && thousandths !== 0) r.fail(token, 'zone-bad-rdata', `${what} is out of range (more than ${maxDegrees} degrees)`);
      token = r.word(`${positive} or ${negative}`);
    }
  }
  if (token.text !== positive && token.text !== negative) {
    r.fail(token, 'zone-bad-rdata', `expected ${positive} or ${negative} (upper case) for the ${what}, got '${token.text}'`);
  }
  const offset = ((degrees * 60 + minutes) * 60) * 1000 + thousandths;
  return token.text === positive ? ORIGIN_ANGLE + offset : ORIGIN_ANGLE - offset;
}

/** Seconds from 0 to 59.999 with at most three decimals, in thousandths. */
function seconds(r: RdataReader, token: Token, what: string): number {
  const [whole, fraction = ''] = token.text.split('.', 2);
  const wholeValue = decimalValue(whole);
  if (wholeValue < 0 || fraction.length > 3 || (fraction.length > 0 && decimalValue(fraction) < 0) || token.text.split('.').length > 2) {
    r.fail(token, 'zone-bad-rdata', `bad ${what} seconds '${token.text}' (expected 0 to 59.999 with at most three decimals)`);
  }
  if (wholeValue > 59) r.fail(token, 'zone-bad-rdata', `${what} seconds '${token.text}' are out of range (0 to 59.999)`);
  return wholeValue * 1000 + Number(fraction.padEnd(3, '0'));
}

/**
 * Metres with an optional `m`, at most two decimals, in centimetres. The altitude may carry a sign.
 * Returns undefined when the text is not such a number.
 */
function metres(text: string, signed: boolean): number | undefined {
  let body = text.endsWith('m') ? text.slice(0, -1) : text;
  let sign = 1;
  if (signed && (body.startsWith('-') || body.startsWith('+'))) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  if (whole.length === 0 && fraction.length === 0) return undefined;
  if ((whole.length > 0 && decimalValue(whole) < 0) || fraction.length > 2 || (fraction.length > 0 && decimalValue(fraction) < 0)) return undefined;
  const value = (whole.length > 0 ? decimalValue(whole) : 0) * 100 + Number(fraction.padEnd(2, '0'));
  return sign * value;
}

/** RFC 1876 precision: one significant digit (truncated) and a power of ten, of centimetres. */
function encodePrecision(centimetres: number): number {
  if (centimetres === 0) return 0;
  let exponent = 0;
  let mantissa = centimetres;
  while (mantissa >= 10) {
    mantissa = Math.floor(mantissa / 10);
    exponent++;
  }
  return (mantissa << 4) | exponent;
}

/** LOC wire form: version 0 needs valid precisions and angles within ±90° and ±180°; other versions are opaque. */
export const locWire: WireCheck = (c) => {
  const version = c.u8('version');
  if (version !== 0) {
    c.rest();
    return;
  }
  for (const what of ['size', 'horizontal precision', 'vertical precision']) {
    const octet = c.u8(what);
    if (octet >> 4 > 9 || (octet & 15) > 9) throw new WireInvalid(`the ${what} octet 0x${octet.toString(16)} is not a valid mantissa and exponent`);
  }
  const latitude = c.u32('latitude');
  if (Math.abs(latitude - ORIGIN_ANGLE) > 90 * 3600000) throw new WireInvalid('the latitude is beyond 90 degrees');
  const longitude = c.u32('longitude');
  if (Math.abs(longitude - ORIGIN_ANGLE) > 180 * 3600000) throw new WireInvalid('the longitude is beyond 180 degrees');
  c.u32('altitude');
};
