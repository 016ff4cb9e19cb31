// DMARC records (RFC 9989): where they may stand, how a TXT text is recognized as one, the tags and their
// values, and the report URIs (RFC 9990), each with its range in the record text for exact findings.

import type { ResourceRecord, Zone } from '../zone/model';
import { labelsOf } from '../zone/names';
import type { RecordText } from './recordText';
import type { Tag, TagList, TextRange } from './tagList';
import { isTagListWhitespace, parseTagList } from './tagList';
import { lowerLabels, nameFromLabels, startsWithV, TYPE_TXT, txtRecordText } from './txtRecords';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** The tags RFC 9989 defines. */
export const DMARC_TAGS: ReadonlySet<string> = new Set(['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 't', 'psd']);

/** Tags of RFC 7489 that RFC 9989 removed; receivers following RFC 9989 ignore them. */
export const REMOVED_DMARC_TAGS: ReadonlySet<string> = new Set(['pct', 'rf', 'ri']);

/** Where a TXT record stands with respect to DMARC. */
export type DmarcPlacement =
  /** `_dmarc.<domain>`: the domain's policy record. */
  | { readonly kind: 'policy'; readonly domain: string }
  /** `<domain>._report._dmarc.<destination>`: the destination accepts reports about `domain` (RFC 9990 §4). */
  | { readonly kind: 'report-authorization'; readonly reportedDomain: string; readonly destination: string }
  | { readonly kind: 'elsewhere' };

/**
 * `dmarc` is a record receivers use; `broken-dmarc` is meant as one but receivers ignore it (bad or misplaced
 * version tag, empty text); `not-dmarc` is some other record (SPF, a site verification token, free text).
 */
export type DmarcKind = 'dmarc' | 'broken-dmarc' | 'not-dmarc';

export interface DmarcTag extends Tag {
  /** The name in lower case: DMARC tag names are case-insensitive (RFC 5234 string literals). */
  readonly key: string;
}

export interface DmarcRecord {
  readonly text: string;
  readonly tagList: TagList;
  readonly tags: readonly DmarcTag[];
  readonly kind: DmarcKind;
  /** For `broken-dmarc`: why receivers ignore the record, and where. */
  readonly versionProblem: { readonly message: string; readonly range: TextRange } | undefined;
}

/** A TXT record of a zone that matters to DMARC, with its text parsed. */
export interface DmarcTxt {
  readonly record: ResourceRecord;
  readonly text: RecordText;
  readonly parsed: DmarcRecord;
  readonly placement: DmarcPlacement;
}

export function dmarcPlacement(owner: string): DmarcPlacement {
  const lower = lowerLabels(owner);
  if (lower[0] === '_dmarc') return { kind: 'policy', domain: nameFromLabels(labelsOf(owner).slice(1)) };
  for (let i = 1; i + 1 < lower.length; i++) {
    if (lower[i] === '_report' && lower[i + 1] === '_dmarc') {
      const labels = labelsOf(owner);
      return {
        kind: 'report-authorization',
        reportedDomain: nameFromLabels(labels.slice(0, i)),
        destination: nameFromLabels(labels.slice(i + 2)),
      };
    }
  }
  return { kind: 'elsewhere' };
}

/** Parses a DMARC record's text and decides whether receivers take it as one. */
export function parseDmarcRecord(text: string): DmarcRecord {
  const tagList = parseTagList(text);
  const tags = tagList.tags.map((tag) => ({ ...tag, key: tag.name.toLowerCase() }));
  const { kind, versionProblem } = classify(text, tagList, tags);
  return { text, tagList, tags, kind, versionProblem };
}

/** The first tag with this (lower-case) name. */
export function dmarcTag(record: DmarcRecord, key: string): DmarcTag | undefined {
  return record.tags.find((tag) => tag.key === key);
}

/**
 * The TXT records of a zone that matter to DMARC: every TXT at a `_dmarc` name (policy or report authorization),
 * and every TXT elsewhere that starts like a DMARC record.
 */
export function dmarcTxtRecords(zone: Zone): readonly DmarcTxt[] {
  let list = zoneCache.get(zone);
  if (list === undefined) {
    list = [];
    for (const record of zone.records) {
      if (record.type !== TYPE_TXT || record.data.kind !== 'txt') continue;
      const underDmarc = DMARC_LABEL.test(record.owner);
      // Records elsewhere matter only when they start like DMARC; the first string tells cheaply whether they might.
      if (!underDmarc && !startsWithV(record.data.strings)) continue;
      const text = txtRecordText(record);
      if (text === undefined || (!underDmarc && !looksLikeDmarc(text.text))) continue;
      const placement = dmarcPlacement(record.owner);
      if (placement.kind === 'elsewhere' && !looksLikeDmarc(text.text)) continue;
      list.push(dmarcTxt(record, text, placement));
    }
    zoneCache.set(zone, list);
  }
  return list;
}

/** A TXT record parsed as DMARC, cached per record; undefined for other record types. */
export function dmarcTxtOf(record: ResourceRecord): DmarcTxt | undefined {
  const text = txtRecordText(record);
  return text === undefined ? undefined : dmarcTxt(record, text, dmarcPlacement(record.owner));
}

function dmarcTxt(record: ResourceRecord, text: RecordText, placement: DmarcPlacement): DmarcTxt {
  let entry = recordCache.get(record);
  if (entry === undefined) {
    entry = { record, text, parsed: parseDmarcRecord(text.text), placement };
    recordCache.set(record, entry);
  }
  return entry;
}

/** The records the tag-level rules check: meant as DMARC and standing at a `_dmarc` name. */
export function checkedDmarcRecords(zone: Zone): DmarcTxt[] {
  return dmarcTxtRecords(zone).filter((entry) => entry.placement.kind !== 'elsewhere' && entry.parsed.kind !== 'not-dmarc');
}

/** The policy records receivers use: TXT `v=DMARC1` records at `_dmarc.<domain>`. */
export function policyRecords(zone: Zone): DmarcTxt[] {
  return dmarcTxtRecords(zone).filter((entry) => entry.placement.kind === 'policy' && entry.parsed.kind === 'dmarc');
}

/** True when the record has a `rua` with at least one usable `mailto:` URI (RFC 9989: then a missing p means none). */
export function hasUsableRua(record: DmarcRecord): boolean {
  const rua = dmarcTag(record, 'rua');
  return rua !== undefined && parseReportUris(rua).some((uri) => uri.address !== undefined && uri.problem?.severity !== 'error');
}

/** The policy a `p`, `sp` or `np` value names (case-insensitive), or undefined when it is not one. */
export function policyOf(value: string): DmarcPolicy | undefined {
  const lower = value.toLowerCase();
  return lower === 'none' || lower === 'quarantine' || lower === 'reject' ? lower : undefined;
}

export const POLICY_STRENGTH: Readonly<Record<DmarcPolicy, number>> = { none: 0, quarantine: 1, reject: 2 };

/**
 * What is wrong with the value of a tag RFC 9989 gives a fixed syntax (`p`, `sp`, `np`, `adkim`, `aspf`, `fo`,
 * `t`, `psd`), or undefined when it is valid or the tag has no fixed syntax.
 */
export function dmarcValueProblem(tag: DmarcTag): string | undefined {
  const shown = `${tag.name}=${tag.value}`;
  if (tag.value === '' && VALUE_RULES.has(tag.key)) return `\`${tag.name}=\` has no value`;
  switch (tag.key) {
    case 'p':
      return policyOf(tag.value) === undefined
        ? `\`${shown}\` is not a policy: use none, quarantine or reject (receivers treat the record as p=none when it has a valid rua, and ignore it otherwise)`
        : undefined;
    case 'sp':
    case 'np':
      return policyOf(tag.value) === undefined
        ? `\`${shown}\` is not a policy: use none, quarantine or reject (receivers ignore it and apply ${tag.key === 'sp' ? 'p' : 'sp, or else p'})`
        : undefined;
    case 'adkim':
    case 'aspf':
      return /^[rs]$/i.test(tag.value) ? undefined : `\`${shown}\` is not an alignment mode: use r (relaxed) or s (strict)`;
    case 'fo':
      return /^[01ds](?:[ \t]*:[ \t]*[01ds])*$/i.test(tag.value)
        ? undefined
        : `\`${shown}\` is not a list of failure-report options: use 0, 1, d or s, separated by colons (fo=0:d)`;
    case 't':
      return /^[yn]$/i.test(tag.value) ? undefined : `\`${shown}\` is not a test flag: use y or n`;
    case 'psd':
      return /^[ynu]$/i.test(tag.value) ? undefined : `\`${shown}\` is not a public-suffix flag: use y, n or u`;
    default:
      return undefined;
  }
}

/** Why a removed tag's value would also be refused by an RFC 7489 receiver, or undefined when it is valid there. */
export function removedTagProblem(tag: DmarcTag): string | undefined {
  switch (tag.key) {
    case 'pct':
      return /^\d{1,3}$/.test(tag.value) && Number(tag.value) <= 100 ? undefined : 'it is not a whole number from 0 to 100';
    case 'ri':
      return /^\d{1,10}$/.test(tag.value) && Number(tag.value) <= 0xffffffff ? undefined : 'it is not a whole number of seconds';
    case 'rf': {
      const formats = tag.value.split(':').map((format) => format.trim());
      const wellFormed = formats.every((format) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(format));
      // RFC 7489 registered only afrf; OpenDMARC refuses a list without it.
      return wellFormed && formats.some((format) => format.toLowerCase() === 'afrf')
        ? undefined
        : 'it is not a colon-separated list of report formats that includes afrf, the only registered one';
    }
    default:
      return undefined;
  }
}

/** One URI of a `rua` or `ruf` list. */
export interface ReportUri {
  readonly text: string;
  readonly range: TextRange;
  /** The mail address when the URI is a usable `mailto:` URI. */
  readonly address: MailAddress | undefined;
  readonly problem: { readonly severity: 'error' | 'warning'; readonly message: string } | undefined;
}

export interface MailAddress {
  readonly localPart: string;
  /** Lower case, without a trailing dot. */
  readonly domain: string;
}

/** Splits a `rua`/`ruf` value at its commas and checks each URI (RFC 9989 §4.7, RFC 3986, RFC 6068). */
export function parseReportUris(tag: DmarcTag): ReportUri[] {
  if (tag.value === '') {
    return [{ text: '', range: tag.range, address: undefined, problem: { severity: 'error', message: `\`${tag.name}=\` has no URI` } }];
  }
  const uris: ReportUri[] = [];
  let start = 0;
  for (;;) {
    const comma = tag.value.indexOf(',', start);
    const end = comma < 0 ? tag.value.length : comma;
    let from = start;
    let to = end;
    while (from < to && isTagListWhitespace(tag.value.charCodeAt(from))) from++;
    while (to > from && isTagListWhitespace(tag.value.charCodeAt(to - 1))) to--;
    const range = { start: tag.valueRange.start + from, end: tag.valueRange.start + to };
    uris.push(checkReportUri(tag.value.slice(from, to), range));
    if (comma < 0) break;
    start = comma + 1;
  }
  return uris;
}

const VALUE_RULES: ReadonlySet<string> = new Set(['p', 'sp', 'np', 'adkim', 'aspf', 'fo', 't', 'psd']);

/** Tags only DMARC uses: a record with one of them but no proper version tag was meant as DMARC. */
const DMARC_ONLY_TAGS: ReadonlySet<string> = new Set(['p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 'psd', 'pct', 'rf', 'ri']);

/** Version values of other TXT-based protocols that people paste at `_dmarc` names by mistake. */
const OTHER_PROTOCOL_VERSION = /^(?:spf1|spf2\.0|dkim1|stsv1|tlsrptv1|bimi1)\b/i;

/** True when the text starts like a DMARC record (`v=DMARC1`, any case), wherever it stands. */
function looksLikeDmarc(text: string): boolean {
  return /^[ \t]*v[ \t]*=[ \t]*dmarc1(?![0-9a-z])/i.test(text);
}

function classify(text: string, tagList: TagList, tags: readonly DmarcTag[]): Pick<DmarcRecord, 'kind' | 'versionProblem'> {
  if (text.trim() === '') {
    return broken('the record is empty: receivers ignore it (a DMARC record starts with v=DMARC1)', { start: 0, end: text.length });
  }
  const first = tags[0];
  const firstProblem = tagList.problems[0];
  const versionFirst = first !== undefined && first.key === 'v' && (firstProblem === undefined || firstProblem.range.start > first.range.start);
  if (versionFirst) {
    if (first.value === 'DMARC1') return { kind: 'dmarc', versionProblem: undefined };
    if (/^DMARC1[ \t]/i.test(first.value)) {
      return broken(`a \`;\` is missing after v=DMARC1: the version reads \`${first.value}\`, so receivers ignore the record`, first.range);
    }
    if (first.value.toLowerCase() === 'dmarc1') {
      return broken(`the version is case-sensitive: write v=DMARC1, not v=${first.value} (receivers ignore this record)`, first.valueRange);
    }
    if (OTHER_PROTOCOL_VERSION.test(first.value)) return { kind: 'not-dmarc', versionProblem: undefined };
    return broken(`\`${first.name}=${first.value}\` is not the DMARC version: receivers ignore a record that does not start with v=DMARC1`, first.range);
  }
  const version = tags.find((tag) => tag.key === 'v' && tag.value.toLowerCase() === 'dmarc1');
  if (version !== undefined) return broken('v=DMARC1 must be the first tag: receivers ignore this record', version.range);
  if (tags.some((tag) => DMARC_ONLY_TAGS.has(tag.key))) {
    return broken('the record does not start with v=DMARC1: receivers ignore it', { start: 0, end: Math.min(text.length, tags[0]?.range.end ?? text.length) });
  }
  return { kind: 'not-dmarc', versionProblem: undefined };
}

function broken(message: string, range: TextRange): Pick<DmarcRecord, 'kind' | 'versionProblem'> {
  return { kind: 'broken-dmarc', versionProblem: { message, range } };
}

function checkReportUri(text: string, range: TextRange): ReportUri {
  const fail = (message: string): ReportUri => ({ text, range, address: undefined, problem: { severity: 'error', message } });
  if (text === '') return fail('an empty entry in the URI list (two commas, or a comma at an end)');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  if (scheme === null) return fail(`\`${text}\` is not a URI: write mailto:address@example.com`);
  if (scheme[1].toLowerCase() !== 'mailto') {
    return fail(`\`${scheme[1]}:\` URIs are not used for reports: receivers only send reports by mail, so write mailto:address@example.com`);
  }
  let rest = text.slice(scheme[0].length);
  let sizeWarning: string | undefined;
  const bang = rest.indexOf('!');
  if (bang >= 0) {
    const size = rest.slice(bang + 1);
    const match = /^(\d+)([kmgt]?)$/i.exec(size);
    if (match === null || BigInt(match[1]) > 0xffffffffffffffffn) {
      return fail(`\`!${size}\` is not a size limit (RFC 7489 allowed !<number>[k|m|g|t]; RFC 9989 removed the suffix, so drop it)`);
    }
    sizeWarning = `the size limit \`!${size}\` is obsolete: RFC 9989 removed it and receivers ignore it; drop it`;
    rest = rest.slice(0, bang);
  }
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (rest.startsWith('//')) return fail(`\`${text}\` is not a mail address: write mailto:user@domain, without //`);
  const decoded = percentDecode(rest);
  if (decoded === undefined) return fail(`\`${text}\` has a bad percent escape`);
  const address = parseAddress(decoded);
  if (typeof address === 'string') return fail(`\`${text}\`: ${address}`);
  return { text, range, address, problem: sizeWarning === undefined ? undefined : { severity: 'warning', message: sizeWarning } };
}

function percentDecode(text: string): string | undefined {
  if (text.indexOf('%') < 0) return text;
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Checks an addr-spec (RFC 5322 §3.4.1, ASCII only); returns the reason when it is not one. */
function parseAddress(text: string): MailAddress | string {
  const at = text.lastIndexOf('@');
  if (at < 0) return 'the address has no @';
  const localPart = text.slice(0, at);
  const domain = text.slice(at + 1).replace(/\.$/, '');
  if (localPart === '') return 'the address has nothing before the @';
  const quoted = /^"(?:[^"\\\r\n]|\\.)*"$/.test(localPart);
  if (!quoted && !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(localPart)) {
    return `\`${localPart}\` is not a valid local part`;
  }
  if (domain === '') return 'the address has no domain after the @';
  if (/^\[[^\][\\]*\]$/.test(domain)) return { localPart, domain };
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253 || !labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))) {
    return `\`${domain}\` is not a mail domain`;
  }
  return { localPart, domain: domain.toLowerCase() };
}

const zoneCache = new WeakMap<Zone, DmarcTxt[]>();
const recordCache = new WeakMap<ResourceRecord, DmarcTxt>();
const DMARC_LABEL = /(?:^|\.)_dmarc\./i;

