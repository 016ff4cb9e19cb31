// Completion while writing a zone: owner names for mail records, RR types, SPF mechanisms and modifiers after
// `v=spf1`, DMARC and DKIM tags and their values, and names of the workspace after `include:`, CNAME and MX. It
// reads the text before the cursor itself, because the record being typed is often not yet a record.

import { isSpfText, shown, txtRecordText } from '../email/txtRecords';
import { parseTagList } from '../email/tagList';
import type { SourceFile, Span } from '../types';
import type { WorkspaceView } from '../workspace/view';
import type { Zone } from '../zone/model';
import { relativeName, ROOT } from '../zone/names';
import { META_TYPES, OBSOLETE_TYPES, RR_TYPES, typeCodeFromText } from '../zone/rrtypes';
import { recordAt } from './locate';
import type { TermDoc } from './termHover';
import { DKIM_TAG_DOCS, DMARC_TAG_DOCS, SPF_QUALIFIERS, SPF_TERMS } from './termHover';
import { TYPE_INFO } from './typeInfo';

export type CompletionKind = 'type' | 'keyword' | 'value' | 'name' | 'property' | 'snippet';

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** What to insert; a snippet with `${1:...}` tab stops when `snippet` is set. */
  readonly insertText: string;
  readonly snippet?: boolean;
  /** The text the insertion replaces: the part of the word typed so far. */
  readonly replace: Span;
  /** Orders the list: common choices first. */
  readonly sortText?: string;
}

/** The completions at `offset` of `file`, read from the text before it and, where useful, the zone and workspace. */
export function completionsAt(input: { zone: Zone | undefined; file: SourceFile; offset: number; workspace?: WorkspaceView }): Completion[] {
  const { zone, file, offset } = input;
  const scanned = scanEntry(file.text, entryStart(input), offset);
  if (scanned === undefined) return [];
  const { tokens, current, blankOwner } = scanned;
  const replace: Span = { start: current.start, end: offset };
  if (!blankOwner && tokens.length === 0) return current.quoted || current.text.startsWith('$') ? [] : ownerCompletions(replace);
  const owner = blankOwner ? undefined : tokens[0].text;
  const fields = blankOwner ? tokens : tokens.slice(1);
  const typeIndex = fields.findIndex((token) => !token.quoted && typeCodeFromText(token.text) !== undefined && !/^\d/.test(token.text));
  if (typeIndex < 0) return current.quoted ? [] : typeCompletions(replace);
  const type = fields[typeIndex].text.toUpperCase();
  const rdata = fields.slice(typeIndex + 1);
  const ownerName = owner ?? ownerFromZone(input);
  switch (type) {
    case 'TXT':
    case 'SPF':
      return textCompletions({ ...input, ownerName, rdata, current, offset });
    case 'CNAME':
    case 'DNAME':
    case 'NS':
    case 'PTR':
      return rdata.length === 0 && !current.quoted ? nameCompletions({ zone, replace, hostsOnly: type === 'NS' }) : [];
    case 'MX':
      return rdata.length === 1 && !current.quoted ? nameCompletions({ zone, replace, hostsOnly: true }) : [];
    case 'SRV':
      return rdata.length === 3 && !current.quoted ? nameCompletions({ zone, replace, hostsOnly: true }) : [];
    default:
      return [];
  }
}

/** The common record types first, in this order; the rest alphabetically after them. */
const COMMON_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA', 'PTR', 'SOA', 'HTTPS', 'SVCB', 'TLSA', 'DS'];

interface ScannedToken {
  /** The text as written, without quotes (escapes kept). */
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
}

interface Scan {
  /** The tokens completed before the cursor. */
  readonly tokens: readonly ScannedToken[];
  /** The token the cursor is in (empty after a blank); `start` is where its text begins (after a quote). */
  readonly current: ScannedToken;
  readonly blankOwner: boolean;
}

/** Where the entry holding the cursor starts: the first line of a multi-line record, else the cursor's line. */
function entryStart(input: { zone: Zone | undefined; file: SourceFile; offset: number }): number {
  const { file, offset } = input;
  const lineStart = file.lineStarts[file.positionAt(offset).line];
  const record = input.zone === undefined ? undefined : recordAt(input.zone, file.path, offset);
  if (record === undefined || record.file !== file) return lineStart;
  return Math.min(lineStart, file.lineStarts[file.positionAt(record.span.start).line]);
}

/**
 * The tokens of the entry text before the cursor, as the zone lexer would split them: blanks and parentheses
 * separate, quotes group, backslash escapes, `;` starts a comment. Undefined when the cursor is in a comment.
 */
function scanEntry(text: string, start: number, offset: number): Scan | undefined {
  const tokens: ScannedToken[] = [];
  let token: { start: number; quoted: boolean } | undefined;
  const close = (end: number): void => {
    if (token !== undefined) tokens.push({ text: text.slice(token.start, end), quoted: token.quoted, start: token.start });
    token = undefined;
  };
  for (let i = start; i < offset; i++) {
    const c = text[i];
    if (token?.quoted === true) {
      if (c === '\\') i++;
      else if (c === '"') close(i);
      continue;
    }
    if (c === '\\') {
      token ??= { start: i, quoted: false };
      i++;
    } else if (c === '"') {
      close(i);
      token = { start: i + 1, quoted: true };
    } else if (c === ';') {
      // A comment runs to the end of its line; past that line the entry goes on (inside parentheses).
      const end = text.indexOf('\n', i);
      if (end < 0 || end >= offset) return undefined;
      close(i);
      i = end;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '(' || c === ')') {
      close(i);
    } else {
      token ??= { start: i, quoted: false };
    }
  }
  const current: ScannedToken = token === undefined ? { text: '', quoted: false, start: offset } : { text: text.slice(token.start, offset), quoted: token.quoted, start: token.start };
  return { tokens, current, blankOwner: text[start] === ' ' || text[start] === '\t' };
}

function ownerCompletions(replace: Span): Completion[] {
  return [
    { label: '_dmarc', kind: 'name', detail: 'DMARC policy record name', documentation: 'The name of the domain\'s DMARC record (RFC 9989 §4.7).', insertText: '_dmarc', replace },
    {
      label: '<selector>._domainkey',
      kind: 'snippet',
      detail: 'DKIM key record name',
      documentation: 'The name of a DKIM key record: the selector signers put in s=, then _domainkey (RFC 6376 §3.6.2.1).',
      insertText: '${1:selector}._domainkey',
      snippet: true,
      replace,
    },
    {
      label: '<domain>._report._dmarc',
      kind: 'snippet',
      detail: 'DMARC report authorization name',
      documentation: 'Where this domain agrees to receive DMARC reports about another domain (RFC 9990 §4).',
      insertText: '${1:example.org}._report._dmarc',
      snippet: true,
      replace,
    },
  ];
}

function typeCompletions(replace: Span): Completion[] {
  const names = Object.keys(RR_TYPES).filter((name) => !(name in OBSOLETE_TYPES) && !(name in META_TYPES));
  return names.map((name) => {
    const rank = COMMON_TYPES.indexOf(name);
    const info = TYPE_INFO[name];
    return {
      label: name,
      kind: 'type',
      detail: info?.summary,
      documentation: info === undefined ? undefined : `${info.summary} (${info.rfc})`,
      insertText: name,
      replace,
      sortText: rank >= 0 ? `0${String(rank).padStart(2, '0')}` : `1${name}`,
    };
  });
}

/** The owner of the record at the cursor when it is written with a blank owner. */
function ownerFromZone(input: { zone: Zone | undefined; file: SourceFile; offset: number }): string | undefined {
  return input.zone === undefined ? undefined : recordAt(input.zone, input.file.path, input.offset)?.owner;
}

type Protocol = 'spf' | 'dmarc' | 'dkim';

function textCompletions(options: {
  zone: Zone | undefined;
  workspace?: WorkspaceView;
  ownerName: string | undefined;
  rdata: readonly ScannedToken[];
  current: ScannedToken;
  offset: number;
}): Completion[] {
  const { current, offset, ownerName } = options;
  const lowerOwner = (ownerName ?? '').toLowerCase();
  const byName: Protocol | undefined = /(^|\.)_dmarc(\.|$)/.test(lowerOwner) ? 'dmarc' : /(^|\.)_domainkey(\.|$)/.test(lowerOwner) ? 'dkim' : undefined;
  // Unquoted text stops at a blank, so values are completed inside quotes only.
  if (!current.quoted) {
    return current.text === '' && options.rdata.length === 0 ? [recordStart(byName ?? 'spf', { start: offset, end: offset }, true, options.zone)] : [];
  }
  const content = options.rdata.map((token) => token.text).join('') + current.text;
  const protocol: Protocol | undefined = isSpfText(content) || /^v=spf1$/i.test(content) ? 'spf' : /^\s*v\s*=\s*DMARC1/i.test(content) ? 'dmarc' : /^\s*v\s*=\s*DKIM1/.test(content) ? 'dkim' : byName;
  if (content.trim() === '') return [recordStart(protocol ?? 'spf', { start: offset, end: offset }, false, options.zone)];
  switch (protocol) {
    case 'spf':
      return spfCompletions({ ...options, content });
    case 'dmarc':
      return tagCompletions({ content, offset, docs: DMARC_TAG_DOCS, caseSensitive: false, exclude: ['pct', 'rf', 'ri'] });
    case 'dkim':
      return tagCompletions({ content, offset, docs: DKIM_TAG_DOCS, caseSensitive: true, exclude: ['g'] });
    case undefined:
      return [];
    default: {
      const unreachable: never = protocol;
      return unreachable;
    }
  }
}

/** A whole record to start from, as a snippet: quoted when the cursor is not yet inside quotes. */
function recordStart(protocol: Protocol, replace: Span, quote: boolean, zone: Zone | undefined): Completion {
  const domain = zone?.origin === undefined || zone.origin === ROOT ? 'example.com' : shown(zone.origin).toLowerCase();
  const bodies: Record<Protocol, { label: string; body: string; detail: string }> = {
    spf: { label: 'v=spf1 … -all', body: 'v=spf1 ${1:mx} ${2:-all}', detail: 'SPF record (RFC 7208)' },
    dmarc: { label: 'v=DMARC1; p=none; rua=…', body: `v=DMARC1; p=\${1|none,quarantine,reject|}; rua=mailto:\${2:dmarc-reports@${domain}}`, detail: 'DMARC record (RFC 9989)' },
    dkim: { label: 'v=DKIM1; k=rsa; p=…', body: 'v=DKIM1; k=${1|rsa,ed25519|}; p=${2:public key}', detail: 'DKIM key record (RFC 6376)' },
  };
  const { label, body, detail } = bodies[protocol];
  return { label, kind: 'snippet', detail, insertText: quote ? `"${body}"` : body, snippet: true, replace };
}

/** Include targets every tenant of these providers uses. */
const WELL_KNOWN_INCLUDES: Readonly<Record<string, string>> = {
  'spf.protection.outlook.com': 'Microsoft 365',
  '_spf.google.com': 'Google Workspace',
};

function spfCompletions(options: { zone: Zone | undefined; workspace?: WorkspaceView; content: string; offset: number }): Completion[] {
  const { content, offset } = options;
  const word = content.slice(content.lastIndexOf(' ') + 1);
  if (/^v=spf1$/i.test(word)) return [];
  const include = /^[+\-~?]?include:(.*)$/i.exec(word);
  if (include !== null) return includeCompletions({ ...options, replace: { start: offset - include[1].length, end: offset } });
  if (/[:=]/.test(word)) return [];
  const replace = { start: offset - word.length, end: offset };
  const items: Completion[] = [];
  for (const [name, doc] of Object.entries(SPF_TERMS) as Array<[keyof typeof SPF_TERMS, TermDoc]>) {
    if (name === 'ptr') continue;
    const suffix = name === 'include' || name === 'ip4' || name === 'ip6' || name === 'exists' ? ':' : name === 'redirect' || name === 'exp' ? '=' : '';
    if (name === 'all') {
      for (const qualifier of ['-', '~'] as const) {
        items.push({ label: `${qualifier}all`, kind: 'keyword', detail: SPF_QUALIFIERS[qualifier], documentation: `${doc.meaning} (${doc.rfc})`, insertText: `${qualifier}all`, replace, sortText: `2${qualifier}` });
      }
      continue;
    }
    items.push({ label: `${name}${suffix}`, kind: suffix === '=' ? 'property' : 'keyword', detail: doc.rfc, documentation: `${doc.meaning} (${doc.rfc})`, insertText: `${name}${suffix}`, replace, sortText: `1${name}` });
  }
  return items;
}

/** Domains with an SPF record in the workspace, and the providers' well-known includes. */
function includeCompletions(options: { zone: Zone | undefined; workspace?: WorkspaceView; replace: Span }): Completion[] {
  const { replace } = options;
  const names = new Map<string, string>();
  for (const [name, provider] of Object.entries(WELL_KNOWN_INCLUDES)) names.set(name, provider);
  const zones = options.workspace?.zones ?? (options.zone === undefined ? [] : [options.zone]);
  for (const zone of zones) {
    for (const record of zone.records) {
      const text = txtRecordText(record);
      if (text !== undefined && isSpfText(text.text)) names.set(shown(record.owner).toLowerCase(), 'SPF record in the workspace');
    }
  }
  return [...names].map(([name, detail]) => ({ label: name, kind: 'name', detail, insertText: name, replace }));
}

function tagCompletions(options: { content: string; offset: number; docs: Readonly<Record<string, TermDoc>>; caseSensitive: boolean; exclude: readonly string[] }): Completion[] {
  const { content, offset, docs } = options;
  const segment = content.slice(content.lastIndexOf(';') + 1).replace(/^\s+/, '');
  const key = (name: string): string => (options.caseSensitive ? name : name.toLowerCase());
  const equals = segment.indexOf('=');
  if (equals >= 0) {
    const name = key(segment.slice(0, equals).trim());
    const typed = segment.slice(equals + 1).replace(/^\s+/, '');
    const replace = { start: offset - typed.length, end: offset };
    if (name === 'rua' || name === 'ruf') {
      return typed.includes(':') ? [] : [{ label: 'mailto:', kind: 'value', detail: 'report address', insertText: 'mailto:', replace }];
    }
    const values = docs[name]?.values;
    if (values === undefined || (name === 'v' && typed.length > 0)) return [];
    const last = typed.slice(typed.lastIndexOf(':') + 1);
    return Object.entries(values).map(([value, meaning]) => ({ label: value, kind: 'value', detail: meaning, insertText: value, replace: { start: offset - last.length, end: offset } }));
  }
  const present = new Set(parseTagList(content).tags.map((tag) => key(tag.name)));
  const replace = { start: offset - segment.length, end: offset };
  return Object.entries(docs)
    .filter(([name]) => name !== 'v' && !present.has(name) && !options.exclude.includes(name))
    .map(([name, doc]) => ({ label: `${name}=`, kind: 'property', detail: doc.rfc, documentation: doc.meaning, insertText: `${name}=`, replace }));
}

/** Names of the zone for targets: hosts with an address for MX, NS and SRV, any owner for CNAME, relative to the origin. */
function nameCompletions(options: { zone: Zone | undefined; replace: Span; hostsOnly: boolean }): Completion[] {
  const { zone, replace } = options;
  if (zone === undefined) return [];
  const names = new Map<string, string>();
  for (const record of zone.records) {
    const data = record.data;
    const address = data.kind === 'a' || data.kind === 'aaaa' ? `${data.kind.toUpperCase()} ${data.address}` : undefined;
    if (options.hostsOnly && address === undefined) continue;
    const first = record.owner.split('.')[0];
    if (first.startsWith('_') || first === '*') continue;
    const written = zone.origin === undefined ? record.owner : relativeName(record.owner, zone.origin);
    if (written === '@') continue;
    names.set(written, address ?? names.get(written) ?? 'in this zone');
  }
  return [...names].map(([name, detail]) => ({ label: name, kind: 'name', detail, insertText: name, replace }));
}
