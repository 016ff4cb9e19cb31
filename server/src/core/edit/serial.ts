// SOA serial bumps in the scheme the zone already uses: a date (`YYYYMMDDnn`), a Unix time, or a plain counter,
// always moving forward in RFC 1982 serial arithmetic so secondaries pick the change up.

import type { ResourceRecord, Zone } from '../zone/model';
import type { TextEdit } from './textEdit';

export type SerialScheme = 'date' | 'unix-time' | 'counter';

const MAX_SERIAL = 0xffffffff;
/** Unix times up to this far back count as a Unix-time serial (a counter rarely comes this close by chance). */
const UNIX_TIME_PAST_SECONDS = 10 * 365 * 24 * 3600;
/** A Unix-time serial is never ahead of the clock by more than clock skew. */
const UNIX_TIME_SKEW_SECONDS = 24 * 3600;

/** How a serial is written: a date `YYYYMMDDnn` (years 1990 to 2099), a Unix time of the last years, or a counter. */
export function serialScheme(serial: number, now: Date): SerialScheme {
  const text = String(serial);
  const match = /^(\d{4})(\d{2})(\d{2})\d{2}$/.exec(text);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year >= 1990 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) return 'date';
  }
  const seconds = Math.floor(now.getTime() / 1000);
  if (serial > seconds - UNIX_TIME_PAST_SECONDS && serial < seconds + UNIX_TIME_SKEW_SECONDS) return 'unix-time';
  return 'counter';
}

/**
 * The next serial: today's date with `00` (or the serial plus one when that is not larger), the current Unix time
 * (or plus one), or the counter plus one, wrapping at 2^32 as RFC 1982 allows. Dates are read in UTC.
 */
export function nextSerial(serial: number, now: Date): number {
  const scheme = serialScheme(serial, now);
  switch (scheme) {
    case 'date': {
      const today = now.getUTCFullYear() * 1000000 + (now.getUTCMonth() + 1) * 10000 + now.getUTCDate() * 100;
      return Math.max(today, serial + 1);
    }
    case 'unix-time':
      return Math.min(MAX_SERIAL, Math.max(Math.floor(now.getTime() / 1000), serial + 1));
    case 'counter':
      return serial >= MAX_SERIAL ? 0 : serial + 1;
    default: {
      const unreachable: never = scheme;
      return unreachable;
    }
  }
}

/** The zone's SOA record as written (at the apex, not `$GENERATE`d), when there is exactly one. */
export function soaOf(zone: Zone): ResourceRecord | undefined {
  const soas = zone.records.filter((record) => record.data.kind === 'soa' && !record.generated);
  return soas.length === 1 ? soas[0] : undefined;
}

/** The edit that bumps the zone's SOA serial, or undefined when the zone has no single SOA. */
export function bumpSerialEdit(zone: Zone, now: Date): TextEdit | undefined {
  const soa = soaOf(zone);
  if (soa === undefined || soa.data.kind !== 'soa') return undefined;
  return { file: soa.file, span: soa.data.serialSpan, newText: String(nextSerial(soa.data.serial, now)) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
