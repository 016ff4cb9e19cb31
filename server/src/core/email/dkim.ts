// DKIM key records (RFC 6376 §3.6.1, RFC 8301, RFC 8463): where they stand, their tags, the verdict on the public
// key, the compact form the dkim-* rules share, the grammar problems with their ranges, and a description for hovers.

import { createHash, createPublicKey } from 'node:crypto';
import type { Location } from '../types';
import type { ResourceRecord } from '../zone/model';
import { labelsOf } from '../zone/names';
import type { RecordText } from './recordText';
import type { Tag, TagList, TextRange } from './tagList';
import { isTagListWhitespace, parseTagList, skipWhitespace, trimEnd } from './tagList';
import { locateInText, lowerLabels, nameFromLabels, recordTextOf, TYPE_TXT } from './txtRecords';

/** The key types RFC 6376 and RFC 8463 define for `k=`. */
export type DkimKeyType = 'rsa' | 'ed25519';

/** What `p=` holds. */
export type DkimKeyData =
  | { readonly kind: 'missing' }
  /** `p=` with no value: the signer withdrew the key (RFC 6376 §3.6.1). */
  | { readonly kind: 'revoked'; readonly tag: Tag }
  | { readonly kind: 'bad-base64'; readonly tag: Tag; readonly message: string; readonly range: TextRange }
  | { readonly kind: 'decoded'; readonly tag: Tag; readonly octets: Buffer; readonly key: DecodedKey };

export type DecodedKey =
  | { readonly kind: 'rsa'; readonly bits: number; readonly encoding: 'spki' | 'pkcs1' }
  | { readonly kind: 'ed25519' }
  | { readonly kind: 'invalid'; readonly message: string }
  /** `k=` names a type this linter does not know, so there is nothing to check the octets against. */
  | { readonly kind: 'unchecked' };

export interface DkimKeyRecord {
  readonly text: string;
  readonly tagList: TagList;
  readonly tags: readonly Tag[];
  /** The `k=` tag, when written. */
  readonly keyTypeTag: Tag | undefined;
  /** The key type in force: `k=` in lower case, or `rsa` by default. */
  readonly keyType: string;
  readonly key: DkimKeyData;
}

/** A problem in the record's grammar, for dkim-syntax. */
export interface DkimSyntaxProblem {
  readonly message: string;
  /** Undefined when the problem is the record as a whole (no p= tag). */
  readonly range: TextRange | undefined;
  readonly severity: 'error' | 'warning';
  /** For duplicates: the first occurrence. */
  readonly firstRange?: TextRange;
}

/**
 * A TXT record of a zone read as a DKIM key record, in the compact form the dkim-* rules share: the verdict on its
 * key, where `p=` stands, and which of the rarer things it holds. A zone keeps one per key record for its lifetime,
 * so it holds a few numbers and shared objects only; a rule that reports on a record's other tags reads the record
 * again with `rereadDkimTxt`, which is cheap and happens only for the records that carry the rule's trait.
 */
export interface DkimTxt {
  readonly record: ResourceRecord;
  /** The record's `DKIM_TRAITS`, or-ed together. */
  readonly traits: number;
  /** The verdict on the octets of `p=`, when its value is base64 that decodes (shared between records). */
  readonly key: DecodedKey | undefined;
  /** Where the value of `p=` starts in the record's text (0 when there is no `p=`). */
  readonly keyValueStart: number;
  readonly keyValueEnd: number;
}

/**
 * What a key record holds beyond a plain key, one bit each in `DkimTxt.traits`; each rule that looks past the key
 * reads again only the records with its trait.
 */
export const DKIM_TRAITS = {
  /** `dkimSyntaxProblems` may find something (a record with `h=` is marked too: only the full check judges it). */
  syntax: 1,
  /** An `h=` tag. */
  hashes: 2,
  /** A `t=` tag. */
  flags: 4,
  /** A tag that RFC 6376 dropped (`OBSOLETE_DKIM_TAGS`). */
  obsoleteTag: 8,
  /** A `k=` that names no key type RFC 6376 or RFC 8463 defines. */
  unknownKeyType: 16,
  /** An empty `p=`. */
  revoked: 32,
} as const;

export type DkimTrait = keyof typeof DKIM_TRAITS;

/** What a hover shows for a key record. */
export interface DkimKeyDescription {
  /** `rsa`, `ed25519`, or the unknown `k=` value. */
  readonly keyType: string;
  readonly bits: number | undefined;
  /** `SHA256:` and the unpadded base64 SHA-256 of the decoded `p=` octets (OpenSSH's fingerprint style). */
  readonly fingerprint: string | undefined;
  readonly revoked: boolean;
  /** The `t=` flags, spelled out: `y` testing, `s` strict (no subdomains in i=). */
  readonly flags: readonly string[];
  /** The `h=` hash algorithms, when the record restricts them. */
  readonly hashAlgorithms: readonly string[] | undefined;
  /** The `s=` service types, when written. */
  readonly serviceTypes: readonly string[] | undefined;
  /** Why no key could be read, when that is so. */
  readonly problem: string | undefined;
  /** One line saying all of the above, for a hover. */
  readonly summary: string;
}

/** Hash algorithms `h=` may name (RFC 6376 §3.6.1; RFC 8301 forbids signing with sha1). */
export const DKIM_HASH_ALGORITHMS: ReadonlySet<string> = new Set(['sha1', 'sha256']);

/** Tags RFC 4871 defined and RFC 6376 dropped. */
export const OBSOLETE_DKIM_TAGS: ReadonlyMap<string, string> = new Map([
  ['g', 'the granularity tag g= was dropped by RFC 6376 (Appendix D): verifiers ignore it'],
]);

/**
 * The selector and domain of a key-record name `<selector>._domainkey.<domain>`, or undefined for any other name,
 * including the ADSP (`_adsp._domainkey`) and DKIM reporting (`_report._domainkey`) names, which hold no keys.
 */
export function dkimKeyName(owner: string): { readonly selector: string; readonly domain: string } | undefined {
  if (!isPlainName(owner)) return dkimKeyNameFromLabels(owner);
  const at = domainkeyLabelAt(owner);
  if (at < 0) return undefined;
  const domainStart = at + DOMAINKEY.length + 1;
  const domain = domainStart >= owner.length ? '.' : owner.slice(domainStart);
  return { selector: owner.slice(0, at - 1), domain: domain.endsWith('.') ? domain : `${domain}.` };
}

/** True when a text starts like a DKIM key record (`v=DKIM1`, any case), wherever it stands. */
export function looksLikeDkim(text: string): boolean {
  return /^[ \t]*v[ \t]*=[ \t]*dkim1(?![0-9a-z])/i.test(text);
}

/**
 * `looksLikeDkim` read char by char: it tells the many TXT records that are no key records by their first
 * characters, where the pattern would be compiled and run for each.
 */
export function startsLikeDkim(text: string): boolean {
  // What the text must start with once the blanks around `v` and `=` are skipped, in lower case.
  const expected = 'v=dkim1';
  let matched = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (matched === expected.length) return !((folded >= 97 && folded <= 122) || (folded >= 48 && folded <= 57));
    if (matched <= 2 && (code === 32 || code === 9)) continue;
    if (folded !== expected.charCodeAt(matched)) return false;
    matched++;
  }
  return matched === expected.length;
}

/**
 * A TXT record read as a key record in its compact form, whatever its name; undefined for other record types.
 * `joined` is the record's joined text, when the caller has it already.
 */
export function dkimTxt(record: ResourceRecord, joined?: string): DkimTxt | undefined {
  if (record.type !== TYPE_TXT || record.data.kind !== 'txt') return undefined;
  return compactDkimTxt(record, joined ?? record.data.joinedValue);
}

/** True when a key record has this trait. */
export function hasTrait(entry: DkimTxt, trait: DkimTrait): boolean {
  return (entry.traits & DKIM_TRAITS[trait]) !== 0;
}

/** A key record's text and full parse, read again for a rule that reports on its tags. */
export function rereadDkimTxt(entry: DkimTxt): { readonly text: RecordText; readonly parsed: DkimKeyRecord } {
  const text = recordTextOf(entry.record);
  return { text, parsed: parseDkimKeyRecord(text.text) };
}

/** Where the value of `p=` is written, for findings about the key. */
export function keyValueLocation(entry: DkimTxt): Location {
  return locateInText(entry.record, { start: entry.keyValueStart, end: entry.keyValueEnd });
}

/** Parses a key record: its tags, the key type in force, and the key in p= decoded and judged. */
export function parseDkimKeyRecord(text: string): DkimKeyRecord {
  const tagList = parseTagList(text);
  const tags = tagList.tags;
  const keyTypeTag = findTag(tags, 'k');
  const keyType = keyTypeTag === undefined ? 'rsa' : keyTypeTag.value.toLowerCase();
  return { text, tagList, tags, keyTypeTag, keyType, key: readKey(text, findTag(tags, 'p'), keyType) };
}

/** The first tag with this exact name (DKIM tag names are case-sensitive, RFC 6376 §3.2). */
export function findTag(tags: readonly Tag[], name: string): Tag | undefined {
  return tags.find((tag) => tag.name === name);
}

/** The key type when `k=` names one RFC 6376 or RFC 8463 defines. */
export function knownKeyType(record: DkimKeyRecord): DkimKeyType | undefined {
  return asKeyType(record.keyType);
}

/** Splits a colon-separated tag value (`h=`, `s=`, `t=`) into its entries, whitespace around them removed. */
export function listValues(tag: Tag): string[] {
  return tag.value.split(':').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** The grammar problems of a key record: tag-list slips, the version, a missing `p=`, base64, duplicates, `h=`. */
export function dkimSyntaxProblems(record: DkimKeyRecord): DkimSyntaxProblem[] {
  const problems: DkimSyntaxProblem[] = [];
  for (const problem of record.tagList.problems) {
    problems.push({ message: TAG_LIST_MESSAGES[problem.kind], range: problem.range, severity: 'error' });
  }
  const version = findTag(record.tags, 'v');
  if (version !== undefined) {
    const firstProblem = record.tagList.problems[0];
    const isFirst = record.tags[0] === version && (firstProblem === undefined || firstProblem.range.start > version.range.start);
    if (!isFirst) {
      problems.push({ message: 'v=DKIM1 must be the first tag when it is written (RFC 6376 §3.6.1): verifiers reject this record', range: version.range, severity: 'error' });
    }
    if (version.value !== 'DKIM1') {
      const upper = version.value.toUpperCase();
      let hint = '';
      if (upper === 'DKIM1') hint = ' (the value is case-sensitive)';
      else if (upper.startsWith('DKIM1')) hint = ' (a `;` is missing after DKIM1)';
      problems.push({ message: `\`v=${version.value}\` is not DKIM1${hint}: verifiers reject this record`, range: version.range, severity: 'error' });
    }
  }
  const seen = new Map<string, Tag>();
  for (const tag of record.tags) {
    const first = seen.get(tag.name);
    if (first === undefined) seen.set(tag.name, tag);
    else {
      problems.push({
        message: `the tag \`${tag.name}=\` is given twice: a tag list with a duplicate is invalid as a whole (RFC 6376 §3.2)`,
        range: tag.range,
        severity: 'error',
        firstRange: first.range,
      });
    }
  }
  if (record.key.kind === 'missing') {
    problems.push({ message: 'no p= tag: a key record must have one (an empty p= revokes the key)', range: undefined, severity: 'error' });
  } else if (record.key.kind === 'bad-base64') {
    problems.push({ message: record.key.message, range: record.key.range, severity: 'error' });
  }
  const hashes = findTag(record.tags, 'h');
  if (hashes !== undefined) {
    const names = listValues(hashes);
    if (!names.some((name) => DKIM_HASH_ALGORITHMS.has(name.toLowerCase()))) {
      problems.push({
        message: `\`h=${hashes.value}\` names no hash algorithm verifiers know (sha256): RFC 6376 says to ignore unknown ones, so some verifiers accept no signature with this key; write h=sha256 or drop h=`,
        range: hashes.range,
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** Describes a key record's text for a hover: type, size, fingerprint and flags. Pure and never throws. */
export function describeDkimKey(text: string): DkimKeyDescription {
  const record = parseDkimKeyRecord(text);
  const key = record.key;
  const revoked = key.kind === 'revoked';
  const decoded = key.kind === 'decoded' ? key : undefined;
  const bits = decoded?.key.kind === 'rsa' ? decoded.key.bits : decoded?.key.kind === 'ed25519' ? 256 : undefined;
  const fingerprint = decoded !== undefined ? keyFingerprint(decoded.octets) : undefined;
  const flagsTag = findTag(record.tags, 't');
  const flags = flagsTag === undefined ? [] : listValues(flagsTag).map((flag) => FLAG_NAMES.get(flag) ?? `unknown flag ${flag}`);
  const hashTag = findTag(record.tags, 'h');
  const serviceTag = findTag(record.tags, 's');
  let problem: string | undefined;
  if (key.kind === 'missing') problem = 'no p= tag';
  else if (key.kind === 'bad-base64') problem = key.message;
  else if (decoded?.key.kind === 'invalid') problem = decoded.key.message;
  const parts = [revoked ? `${record.keyType} key, revoked (empty p=)` : `${record.keyType.toUpperCase()}${bits !== undefined ? ` ${bits} bits` : ''}`];
  if (fingerprint !== undefined) parts.push(fingerprint);
  if (flags.length > 0) parts.push(`flags: ${flags.join(', ')}`);
  if (hashTag !== undefined) parts.push(`hashes: ${listValues(hashTag).join(', ')}`);
  if (serviceTag !== undefined) parts.push(`services: ${listValues(serviceTag).join(', ')}`);
  if (problem !== undefined) parts.push(`problem: ${problem}`);
  return {
    keyType: record.keyType,
    bits,
    fingerprint,
    revoked,
    flags,
    hashAlgorithms: hashTag === undefined ? undefined : listValues(hashTag),
    serviceTypes: serviceTag === undefined ? undefined : listValues(serviceTag),
    problem,
    summary: parts.join('; '),
  };
}

/** `SHA256:` and the unpadded base64 SHA-256 of the key octets. */
export function keyFingerprint(octets: Uint8Array): string {
  return 'SHA256:' + createHash('sha256').update(octets).digest('base64').replace(/=+$/, '');
}

const FLAG_NAMES: ReadonlyMap<string, string> = new Map([
  ['y', 'testing (t=y)'],
  ['s', 'strict, no subdomains in i= (t=s)'],
]);

const TAG_LIST_MESSAGES: Readonly<Record<TagList['problems'][number]['kind'], string>> = {
  'empty-tag': 'an empty tag (a stray `;`): the RFC 6376 tag-list grammar has no empty tags, and strict verifiers reject the record',
  'missing-equals': 'this is not a tag=value pair: verifiers reject the record',
  'bad-tag-name': 'not a tag name (a letter, then letters, digits or `_`): verifiers reject the record',
  'bad-value-char': 'a control character or non-ASCII octet in a value: verifiers reject the record',
  'trailing-whitespace': 'whitespace after the final `;` is not allowed by the tag-list grammar (RFC 6376 §3.2): strict verifiers reject the record',
};

/**
 * The verdict OpenSSL gives on `p=` octets under `k=rsa`: an RSA SubjectPublicKeyInfo, else a bare RSAPublicKey
 * (PKCS#1), else not an RSA key. It costs about 0.2 ms a key, so the rules ask it only for keys the DER reader
 * (`plainRsaSpkiBits`) does not read, and remember its answers.
 */
export function rsaVerdictFromOpenSsl(octets: Buffer): DecodedKey {
  try {
    const key = createPublicKey({ key: octets, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'rsa') {
      return { kind: 'invalid', message: `p= holds ${article(key.asymmetricKeyType ?? 'unknown')} key, not an RSA key as k=rsa says` };
    }
    return { kind: 'rsa', bits: key.asymmetricKeyDetails?.modulusLength ?? 0, encoding: 'spki' };
  } catch {
    // Not a SubjectPublicKeyInfo; RFC 6376's text names the bare RSAPublicKey, which some signers publish.
  }
  try {
    const key = createPublicKey({ key: octets, format: 'der', type: 'pkcs1' });
    return { kind: 'rsa', bits: key.asymmetricKeyDetails?.modulusLength ?? 0, encoding: 'pkcs1' };
  } catch {
    return notRsa(octets.length);
  }
}

/** The label that marks key-record names. */
const DOMAINKEY = '_domainkey';

/** What a key-record name is, on decoded labels: `dkimKeyName` falls back to it for names that are not plain. */
function dkimKeyNameFromLabels(owner: string): { readonly selector: string; readonly domain: string } | undefined {
  const lower = lowerLabels(owner);
  const index = lower.indexOf(DOMAINKEY, 1);
  if (index < 1) return undefined;
  if (index === 1 && (lower[0] === '_adsp' || lower[0] === '_report')) return undefined;
  const labels = labelsOf(owner);
  return { selector: labels.slice(0, index).join('.'), domain: nameFromLabels(labels.slice(index + 1)) };
}

/**
 * True when every character of a name stands for itself: printable ASCII that needs no escape in a label. Such a
 * name's labels are the text between its dots, so it can be read without decoding it into labels.
 */
function isPlainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code <= 32 || code >= 127 || code === 34 || code === 36 || code === 40 || code === 41 || code === 59 || code === 64 || code === 92) return false;
  }
  return true;
}

/**
 * In a plain name, where the first `_domainkey` label after the first label starts, or -1 when there is none or
 * it follows `_adsp` or `_report` as the first label.
 */
function domainkeyLabelAt(name: string): number {
  let from = 0;
  for (;;) {
    const dot = name.indexOf('._', from);
    if (dot < 0) return -1;
    const start = dot + 1;
    const end = start + DOMAINKEY.length;
    if ((end === name.length || name.charCodeAt(end) === 46) && equalsFolded(name, start, end, DOMAINKEY)) {
      const isSecondLabel = name.indexOf('.') === dot;
      return isSecondLabel && (equalsFolded(name, 0, dot, '_adsp') || equalsFolded(name, 0, dot, '_report')) ? -1 : start;
    }
    from = start;
  }
}

/**
 * Where the domain of a key-record name (canonical and absolute) starts in it: `dkimKeyName(owner).domain` is the
 * rest of the name, or the root when nothing is left. It is -1 for a name that is no key-record name, and
 * `KEY_NAME_WITH_ESCAPES` for a key-record name that is not plain, whose domain only `dkimKeyName` gives. The mail
 * pass over a zone asks it of every owner with a `._`, and finds a domain it has met without cutting its name out.
 */
export function keyDomainStart(owner: string): number {
  if (!isPlainName(owner)) return dkimKeyNameFromLabels(owner) === undefined ? -1 : KEY_NAME_WITH_ESCAPES;
  const at = domainkeyLabelAt(owner);
  return at < 0 ? -1 : Math.min(owner.length, at + DOMAINKEY.length + 1);
}

/** What `keyDomainStart` says of a key-record name with escapes. */
export const KEY_NAME_WITH_ESCAPES = -2;

/** True when text[start, end) is `lower` with ASCII letters in any case (`lower` is in lower case). */
function equalsFolded(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const code = text.charCodeAt(start + i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function asKeyType(keyType: string): DkimKeyType | undefined {
  return keyType === 'rsa' || keyType === 'ed25519' ? keyType : undefined;
}

/**
 * The compact form of a key record. A plain record is read from offsets, without an object per tag; any other
 * record is parsed in full, so the plain reading never has to agree with the parse on anything but plain records.
 */
function compactDkimTxt(record: ResourceRecord, text: string): DkimTxt {
  return (plainTags.read(text) && compactFromPlainTags(record, text, plainTags)) || compactFromParse(record, parseDkimKeyRecord(text));
}

/**
 * The compact form of a record whose tag list is plain, or undefined when its `p=` is not canonical base64 (with
 * whitespace in it, a character out of place, or padding bits set), which only the full parse reports exactly.
 */
function compactFromPlainTags(record: ResourceRecord, text: string, tags: PlainTagList): DkimTxt | undefined {
  let traits = 0;
  if (tags.has(TAG_V) && (tags.first !== TAG_V || !equalsExactly(text, tags.valueStart(TAG_V), tags.valueEnd(TAG_V), 'DKIM1'))) {
    traits |= DKIM_TRAITS.syntax;
  }
  if (tags.has(TAG_H)) traits |= DKIM_TRAITS.syntax | DKIM_TRAITS.hashes;
  if (tags.has(TAG_T)) traits |= DKIM_TRAITS.flags;
  for (const code of OBSOLETE_TAG_CODES) if (tags.has(code)) traits |= DKIM_TRAITS.obsoleteTag;
  let keyType: DkimKeyType | undefined = 'rsa';
  if (tags.has(TAG_K)) {
    const start = tags.valueStart(TAG_K);
    const end = tags.valueEnd(TAG_K);
    keyType = equalsFolded(text, start, end, 'rsa') ? 'rsa' : equalsFolded(text, start, end, 'ed25519') ? 'ed25519' : undefined;
    if (keyType === undefined) traits |= DKIM_TRAITS.unknownKeyType;
  }
  if (!tags.has(TAG_P)) return compactEntry(record, traits | DKIM_TRAITS.syntax, undefined, 0, 0);
  const start = tags.valueStart(TAG_P);
  const end = tags.valueEnd(TAG_P);
  if (start === end) return compactEntry(record, traits | DKIM_TRAITS.revoked, undefined, start, end);
  // Node decodes base64 leniently, but what encodes back to the same text is canonical base64: only the
  // alphabet, padding where it belongs, a multiple of 4 characters. Two native passes beat one in JavaScript.
  const base64 = text.slice(start, end);
  const octets = Buffer.from(base64, 'base64');
  if (octets.toString('base64') !== base64) return undefined;
  return compactEntry(record, traits, judgeKey(octets, base64, keyType), start, end);
}

function compactFromParse(record: ResourceRecord, parsed: DkimKeyRecord): DkimTxt {
  let traits = 0;
  if (dkimSyntaxProblems(parsed).length > 0) traits |= DKIM_TRAITS.syntax;
  if (findTag(parsed.tags, 'h') !== undefined) traits |= DKIM_TRAITS.hashes;
  if (findTag(parsed.tags, 't') !== undefined) traits |= DKIM_TRAITS.flags;
  if (parsed.tags.some((tag) => OBSOLETE_DKIM_TAGS.has(tag.name))) traits |= DKIM_TRAITS.obsoleteTag;
  if (parsed.keyTypeTag !== undefined && knownKeyType(parsed) === undefined) traits |= DKIM_TRAITS.unknownKeyType;
  const key = parsed.key;
  if (key.kind === 'missing') return compactEntry(record, traits, undefined, 0, 0);
  if (key.kind === 'revoked') traits |= DKIM_TRAITS.revoked;
  const range = key.tag.valueRange;
  return compactEntry(record, traits, key.kind === 'decoded' ? key.key : undefined, range.start, range.end);
}

/** Builds every entry in one shape, so the rules' loops over them stay monomorphic. */
function compactEntry(record: ResourceRecord, traits: number, key: DecodedKey | undefined, keyValueStart: number, keyValueEnd: number): DkimTxt {
  return { record, traits, key, keyValueStart, keyValueEnd };
}

/** True when text[start, end) is exactly `expected`. */
function equalsExactly(text: string, start: number, end: number, expected: string): boolean {
  return end - start === expected.length && text.startsWith(expected, start);
}

const TAG_H = 104;
const TAG_K = 107;
const TAG_P = 112;
const TAG_T = 116;
const TAG_V = 118;
const OBSOLETE_TAG_CODES: readonly number[] = [...OBSOLETE_DKIM_TAGS.keys()].filter((name) => name.length === 1).map((name) => name.charCodeAt(0));

/**
 * A tag list read as `parseTagList` reads it, but only when it is plain: no grammar problem, and every tag name a
 * single letter written once. Nearly every key record is, and reading one this way builds no object per tag. The
 * characters of `p=` are left unread: the caller checks them as base64, which admits none that the grammar forbids.
 */
class PlainTagList {
  /** Where each tag's value starts and ends, by the char code of the tag's one-letter name. */
  private readonly starts = new Int32Array(123);
  private readonly ends = new Int32Array(123);
  /** The names seen: bit n for `A` + n and for `a` + n. */
  private upperSeen = 0;
  private lowerSeen = 0;
  /** The char code of the first tag's name. */
  first = 0;

  /** Reads a record's text; false when its tag list is not plain (and then nothing read is valid). */
  read(text: string): boolean {
    this.upperSeen = 0;
    this.lowerSeen = 0;
    let segmentStart = 0;
    for (;;) {
      const semicolon = text.indexOf(';', segmentStart);
      const isLast = semicolon < 0;
      const segmentEnd = isLast ? text.length : semicolon;
      const nameStart = skipWhitespace(text, segmentStart, segmentEnd);
      if (nameStart === segmentEnd) {
        // An empty tag, or whitespace after the final `;`: grammar problems for parseTagList to report.
        if (!isLast || (segmentStart > 0 && segmentEnd > segmentStart)) return false;
      } else if (!this.readTag(text, nameStart, segmentEnd)) {
        return false;
      }
      if (isLast) return true;
      segmentStart = semicolon + 1;
    }
  }

  has(code: number): boolean {
    return code >= 97 ? ((this.lowerSeen >>> (code - 97)) & 1) === 1 : ((this.upperSeen >>> (code - 65)) & 1) === 1;
  }

  valueStart(code: number): number {
    return this.starts[code];
  }

  valueEnd(code: number): number {
    return this.ends[code];
  }

  private readTag(text: string, nameStart: number, segmentEnd: number): boolean {
    const equals = text.indexOf('=', nameStart);
    if (equals < 0 || equals >= segmentEnd || trimEnd(text, nameStart, equals) !== nameStart + 1) return false;
    const code = text.charCodeAt(nameStart);
    const isUpper = code >= 65 && code <= 90;
    if (!isUpper && !(code >= 97 && code <= 122)) return false;
    const bit = 1 << (isUpper ? code - 65 : code - 97);
    if (((isUpper ? this.upperSeen : this.lowerSeen) & bit) !== 0) return false;
    const valueStart = skipWhitespace(text, equals + 1, segmentEnd);
    const valueEnd = Math.max(valueStart, trimEnd(text, valueStart, segmentEnd));
    if (code !== TAG_P) {
      for (let i = valueStart; i < valueEnd; i++) {
        const c = text.charCodeAt(i);
        if ((c < 32 && !isTagListWhitespace(c)) || c > 126) return false;
      }
    }
    if (this.upperSeen === 0 && this.lowerSeen === 0) this.first = code;
    if (isUpper) this.upperSeen |= bit;
    else this.lowerSeen |= bit;
    this.starts[code] = valueStart;
    this.ends[code] = valueEnd;
    return true;
  }
}

/** One reader for every record: it keeps nothing a record needs once its compact form is made. */
const plainTags = new PlainTagList();


/** What the value of `p=` holds once the whitespace RFC 6376 allows inside it is dropped. */
type KeyText =
  | { readonly kind: 'empty' }
  | { readonly kind: 'bad-base64'; readonly message: string; readonly range: TextRange }
  | { readonly kind: 'base64'; readonly compact: string };

const EMPTY_KEY_TEXT: KeyText = { kind: 'empty' };

function readKey(text: string, tag: Tag | undefined, keyType: string): DkimKeyData {
  if (tag === undefined) return { kind: 'missing' };
  const keyText = readKeyText(text, tag.valueRange.start, tag.valueRange.end);
  switch (keyText.kind) {
    case 'empty':
      return { kind: 'revoked', tag };
    case 'bad-base64':
      return { kind: 'bad-base64', tag, message: keyText.message, range: keyText.range };
    case 'base64': {
      const octets = Buffer.from(keyText.compact, 'base64');
      return { kind: 'decoded', tag, octets, key: judgeKey(octets, keyText.compact, asKeyType(keyType)) };
    }
  }
}

/** Reads the value of `p=` at text[start, end): its base64 without whitespace, checked character by character. */
function readKeyText(text: string, start: number, end: number): KeyText {
  let compact = '';
  let pieceStart = start;
  for (let i = start; i < end; i++) {
    if (!isTagListWhitespace(text.charCodeAt(i))) continue;
    compact += text.slice(pieceStart, i);
    pieceStart = i + 1;
  }
  compact += text.slice(pieceStart, end);
  if (compact === '') return EMPTY_KEY_TEXT;
  let bad = -1;
  for (let i = 0; i < compact.length && bad < 0; i++) if (!isBase64Char(compact.charCodeAt(i))) bad = i;
  if (bad < 0) bad = misplacedPadding(compact);
  if (bad >= 0) {
    const at = textOffsetOf(text, start, bad);
    return { kind: 'bad-base64', message: `bad base64 in p=: \`${compact[bad]}\` cannot stand here`, range: { start: at, end: at + 1 } };
  }
  if (compact.length % 4 !== 0) {
    return {
      kind: 'bad-base64',
      message: `bad base64 in p=: ${compact.length} characters is not a multiple of 4, so the key is cut short or padding is missing`,
      range: { start, end },
    };
  }
  return { kind: 'base64', compact };
}

function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61;
}

/** The first `=` that is followed by anything but `=`, or that starts a run of three: padding out of place. */
function misplacedPadding(compact: string): number {
  for (let i = compact.indexOf('='); i >= 0; i = compact.indexOf('=', i + 1)) {
    const next = compact.charCodeAt(i + 1);
    if (i + 1 < compact.length && next !== 61) return i;
    if (next === 61 && compact.charCodeAt(i + 2) === 61) return i;
  }
  return -1;
}

/** The text offset of the character at `index` of the value that starts at `start`, whitespace skipped. */
function textOffsetOf(text: string, start: number, index: number): number {
  let seen = -1;
  for (let i = start; ; i++) {
    if (!isTagListWhitespace(text.charCodeAt(i))) seen++;
    if (seen === index) return i;
  }
}

/** The verdict on the octets of `p=` (`base64` is their text), as the key type in force reads them. */
function judgeKey(octets: Buffer, base64: string, keyType: DkimKeyType | undefined): DecodedKey {
  switch (keyType) {
    case 'rsa':
      return judgeRsa(octets, base64);
    case 'ed25519':
      return judgeEd25519(octets);
    case undefined:
      return UNCHECKED;
  }
}

function judgeRsa(octets: Buffer, base64: string): DecodedKey {
  // Both DER forms open with a SEQUENCE; anything else needs no costly attempt by OpenSSL to say so.
  if (octets[0] !== 0x30 || cannotBeRsaKey(octets)) return notRsa(octets.length);
  const bits = plainRsaSpkiBits(octets);
  if (bits !== undefined) return spkiRsaKey(bits);
  let verdict = openSslVerdicts.get(base64);
  if (verdict === undefined) {
    verdict = rsaVerdictFromOpenSsl(octets);
    remember(openSslVerdicts, base64, verdict);
  }
  return verdict;
}

/**
 * True when octets that open with a SEQUENCE can be neither a SubjectPublicKeyInfo nor an RSAPublicKey, told by the
 * SEQUENCE's length and the tag of its first element: OpenSSL rejects both forms when the SEQUENCE runs past the
 * octets or is empty, and when its first element is not of the universal class or has a tag number other than
 * SEQUENCE (a SubjectPublicKeyInfo's first element), INTEGER (an RSAPublicKey's) or the escape to a high tag
 * number. Damaged keys mostly fail so, and each such answer saves two calls into OpenSSL. Indefinite and reserved
 * lengths are left to OpenSSL.
 */
function cannotBeRsaKey(der: Uint8Array): boolean {
  if (der.length < 2) return true;
  const lengthOctet = der[1];
  if (lengthOctet === 0x80 || lengthOctet === 0xff) return false;
  let contentStart = 2;
  let length = lengthOctet;
  if (lengthOctet > 0x80) {
    contentStart = 2 + (lengthOctet & 0x7f);
    if (contentStart > der.length) return true;
    length = 0;
    for (let i = 2; i < contentStart; i++) {
      // A length past 2^32 octets runs past any key a TXT record holds.
      if (length >= 2 ** 24) return true;
      length = length * 256 + der[i];
    }
  }
  if (length === 0 || contentStart + length > der.length) return true;
  const identifier = der[contentStart];
  const tagNumber = identifier & 0x1f;
  return (identifier & 0xc0) !== 0 || (tagNumber !== 0x10 && tagNumber !== 0x02 && tagNumber !== 0x1f);
}

/** `SEQUENCE { OBJECT IDENTIFIER rsaEncryption (1.2.840.113549.1.1.1), NULL }`, the AlgorithmIdentifier of RSA keys. */
const RSA_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');

/** The largest modulus OpenSSL signs or verifies with (OPENSSL_RSA_MAX_MODULUS_BITS); larger keys go to OpenSSL. */
const MAX_PLAIN_RSA_BITS = 16384;

/**
 * The modulus size of an RSA SubjectPublicKeyInfo written in plain DER: definite minimal lengths, rsaEncryption
 * with NULL parameters, positive minimal integers, and nothing after the key. OpenSSL reads every such key and
 * reports this size, so these keys, which are what signers publish, need no call to it; undefined for anything
 * else, which OpenSSL then judges.
 */
function plainRsaSpkiBits(der: Uint8Array): number | undefined {
  const outer = derElement(der, 0, 0x30);
  if (outer === undefined || outer.end !== der.length) return undefined;
  const algorithmEnd = outer.contentStart + RSA_ALGORITHM.length;
  if (algorithmEnd > outer.end || !octetsAt(der, outer.contentStart, RSA_ALGORITHM)) return undefined;
  const bitString = derElement(der, algorithmEnd, 0x03);
  if (bitString === undefined || bitString.end !== outer.end || bitString.contentStart >= bitString.end || der[bitString.contentStart] !== 0) return undefined;
  const publicKey = derElement(der, bitString.contentStart + 1, 0x30);
  if (publicKey === undefined || publicKey.end !== bitString.end) return undefined;
  const modulus = derElement(der, publicKey.contentStart, 0x02);
  if (modulus === undefined || !isMinimalPositive(der, modulus)) return undefined;
  const exponent = derElement(der, modulus.end, 0x02);
  if (exponent === undefined || exponent.end !== publicKey.end || !isMinimalPositive(der, exponent)) return undefined;
  const first = der[modulus.contentStart];
  const bits = (modulus.end - modulus.contentStart - 1) * 8 + (first === 0 ? 0 : 32 - Math.clz32(first));
  return bits <= MAX_PLAIN_RSA_BITS ? bits : undefined;
}

/** True when `expected` stands in the octets at `at` (compared in place: a subarray would cost an object). */
function octetsAt(octets: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let i = 0; i < expected.length; i++) if (octets[at + i] !== expected[i]) return false;
  return true;
}

/** A DER element with this tag at `at`, with a definite length in its minimal form, that fits in the octets. */
function derElement(der: Uint8Array, at: number, tag: number): { readonly contentStart: number; readonly end: number } | undefined {
  if (at + 2 > der.length || der[at] !== tag) return undefined;
  const lengthOctet = der[at + 1];
  let length: number;
  let contentStart: number;
  if (lengthOctet < 0x80) {
    length = lengthOctet;
    contentStart = at + 2;
  } else if (lengthOctet === 0x81 && at + 3 <= der.length && der[at + 2] >= 0x80) {
    length = der[at + 2];
    contentStart = at + 3;
  } else if (lengthOctet === 0x82 && at + 4 <= der.length && der[at + 2] !== 0) {
    length = (der[at + 2] << 8) | der[at + 3];
    contentStart = at + 4;
  } else {
    return undefined;
  }
  const end = contentStart + length;
  return end <= der.length ? { contentStart, end } : undefined;
}

/** True when a DER INTEGER is positive and written in the fewest octets (a leading 0 only before a high bit). */
function isMinimalPositive(der: Uint8Array, integer: { readonly contentStart: number; readonly end: number }): boolean {
  const length = integer.end - integer.contentStart;
  if (length === 0) return false;
  const first = der[integer.contentStart];
  if (first === 0) return length > 1 && der[integer.contentStart + 1] >= 0x80;
  return first < 0x80;
}

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key octets follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function judgeEd25519(octets: Buffer): DecodedKey {
  if (octets.length === 32) return ED25519_KEY;
  if (octets.length === 44 && octetsAt(octets, 0, ED25519_SPKI_PREFIX)) return ED25519_SPKI;
  return { kind: 'invalid', message: `p= is ${octets.length} octets; an Ed25519 key is 32 raw octets (RFC 8463 §4.2)` };
}

/**
 * The verdicts many records share, made once: a zone's entries point at them instead of holding copies. The maps
 * are keyed by size and never hold more than MEMO_LIMIT entries.
 */
const UNCHECKED: DecodedKey = { kind: 'unchecked' };
const ED25519_KEY: DecodedKey = { kind: 'ed25519' };
const ED25519_SPKI: DecodedKey = {
  kind: 'invalid',
  message: 'p= holds an Ed25519 SubjectPublicKeyInfo; RFC 8463 §4.2 wants only the 32 raw key octets (its last 32 octets, base64-encoded)',
};
const spkiRsaKeys = new Map<number, DecodedKey>();
const notRsaKeys = new Map<number, DecodedKey>();

function spkiRsaKey(bits: number): DecodedKey {
  let verdict = spkiRsaKeys.get(bits);
  if (verdict === undefined) {
    verdict = { kind: 'rsa', bits, encoding: 'spki' };
    remember(spkiRsaKeys, bits, verdict);
  }
  return verdict;
}

function notRsa(octetCount: number): DecodedKey {
  let verdict = notRsaKeys.get(octetCount);
  if (verdict === undefined) {
    verdict = {
      kind: 'invalid',
      message: `p= does not decode to an RSA public key: its ${octetCount} octets are not a DER SubjectPublicKeyInfo (the key is cut short or damaged)`,
    };
    remember(notRsaKeys, octetCount, verdict);
  }
  return verdict;
}

/**
 * OpenSSL's verdicts by key text: hosting zones repeat one key for many domains, and each call costs about 0.2 ms.
 * The keys the DER reader reads are not remembered: reading one again costs less than hashing its text.
 */
const openSslVerdicts = new Map<string, DecodedKey>();

const MEMO_LIMIT = 1000;

/** Adds to a memo, emptying it first when it is full, so a zone of unrelated keys cannot grow it without end. */
function remember<K>(memo: Map<K, DecodedKey>, key: K, verdict: DecodedKey): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, verdict);
}

function article(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}
