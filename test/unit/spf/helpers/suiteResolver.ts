// An in-memory Resolver serving one scenario of the OpenSPF YAML test suites, with the harness rules of pyspf's
// testspf.py: SPF values are copied to TXT unless the name has TXT entries of its own (`TXT: NONE` included),
// a `TIMEOUT` entry makes queries for types with no record before it time out, and names that start with
// `error.` and are not in the zone time out too. CNAMEs come back unfollowed, so the evaluator follows them.

import type { LookupAnswer, LookupRecord, Resolver } from '../../../../server/src/core/workspace/view';
import { toLookupName } from '../../../../server/src/core/email/spf/names';

type ZoneEntry = { readonly kind: 'timeout' } | { readonly kind: 'record'; readonly type: string; readonly value: unknown };

const TYPE_CODES: Readonly<Record<string, number>> = { A: 1, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SPF: 99 };

export class SuiteResolver implements Resolver {
  private readonly names = new Map<string, readonly ZoneEntry[]>();
  /** Every query asked, as `name/type`, so tests can check what was looked up. */
  readonly queries: string[] = [];

  constructor(zonedata: Readonly<Record<string, unknown>> | undefined) {
    for (const [name, entries] of Object.entries(zonedata ?? {})) {
      this.names.set(toLookupName(name).toLowerCase(), harnessEntries(Array.isArray(entries) ? entries : []));
    }
  }

  async lookup(name: string, type: number): Promise<LookupAnswer> {
    this.queries.push(`${name}/${type}`);
    const key = name.toLowerCase();
    const entries = this.names.get(key);
    if (entries === undefined) {
      if (key.startsWith('error.')) return { kind: 'error', source: 'dns', reason: 'timeout (error. name)' };
      return { kind: 'nxdomain', source: 'dns' };
    }
    const records: LookupRecord[] = [];
    const aliases: LookupRecord[] = [];
    for (const entry of entries) {
      if (entry.kind === 'timeout') {
        if (records.length === 0) return { kind: 'error', source: 'dns', reason: 'timeout' };
        break;
      }
      const code = TYPE_CODES[entry.type];
      if (code === type) records.push(toRecord(code, entry.value));
      else if (code === TYPE_CODES.CNAME) aliases.push(toRecord(code, entry.value));
    }
    if (records.length > 0) return { kind: 'records', source: 'dns', records };
    if (aliases.length > 0) return { kind: 'records', source: 'dns', records: aliases };
    return { kind: 'nodata', source: 'dns' };
  }
}

/** Applies testspf.py's rules: generated TXT copies of SPF entries go last, `NONE` values are dropped. */
function harnessEntries(raw: readonly unknown[]): ZoneEntry[] {
  const entries: ZoneEntry[] = [];
  const generated: ZoneEntry[] = [];
  let hasOwnTxt = false;
  for (const item of raw) {
    if (item === 'TIMEOUT') {
      entries.push({ kind: 'timeout' });
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    for (const [type, value] of Object.entries(item)) {
      if (type === 'TIMEOUT' || type === 'SERVFAIL') {
        entries.push({ kind: 'timeout' });
        continue;
      }
      if (type === 'TXT') hasOwnTxt = true;
      if (value === 'NONE') continue;
      entries.push({ kind: 'record', type, value });
      if (type === 'SPF') generated.push({ kind: 'record', type: 'TXT', value });
    }
  }
  return hasOwnTxt ? entries : [...entries, ...generated];
}

function toRecord(type: number, value: unknown): LookupRecord {
  switch (type) {
    case TYPE_CODES.A:
    case TYPE_CODES.AAAA:
      return { type, address: String(value) };
    case TYPE_CODES.MX: {
      const [preference, host] = value as [number, string];
      return { type, preference, target: toLookupName(String(host)) };
    }
    case TYPE_CODES.PTR:
    case TYPE_CODES.CNAME:
      return { type, target: toLookupName(String(value)) };
    default: {
      const strings = Array.isArray(value) ? value.map(String) : [String(value)];
      return { type, txt: strings.map(asOctets) };
    }
  }
}

/** YAML `\xNN` escapes arrive as U+00NN, already one char per octet; wider characters are sent as UTF-8. */
function asOctets(text: string): string {
  return /[^\u0000-\u00ff]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}
