// DKIM key records (RFC 6376 §3.6.1, RFC 8301, RFC 8463): where they stand, their tags, the public key decoded
// with node:crypto, the grammar problems with their ranges, and a plain description of the key for hovers.

import { createHash, createPublicKey } from 'node:crypto';
import type { ResourceRecord, Zone } from '../zone/model';
import { labelsOf } from '../zone/names';
import type { RecordText } from './recordText';
import type { Tag, TagList, TextRange } from './tagList';
import { isTagListWhitespace, parseTagList } from './tagList';
import { lowerLabels, nameFromLabels, txtRecordText } from './txtRecords';

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

/** A TXT record of a zone read as a DKIM key record. */
export interface DkimTxt {
  readonly record: ResourceRecord;
  readonly text: RecordText;
  readonly parsed: DkimKeyRecord;
}

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
  const lower = lowerLabels(owner);
  const index = lower.indexOf('_domainkey', 1);
  if (index < 1) return undefined;
  if (index === 1 && (lower[0] === '_adsp' || lower[0] === '_report')) return undefined;
  const labels = labelsOf(owner);
  return { selector: labels.slice(0, index).join('.'), domain: nameFromLabels(labels.slice(index + 1)) };
}

/** True when a text starts like a DKIM key record (`v=DKIM1`, any case), wherever it stands. */
export function looksLikeDkim(text: string): boolean {
  return /^[ \t]*v[ \t]*=[ \t]*dkim1(?![0-9a-z])/i.test(text);
}

/** The TXT records at key-record names of a zone, parsed. */
export function dkimKeyRecords(zone: Zone): readonly DkimTxt[] {
  let list = zoneCache.get(zone);
  if (list === undefined) {
    list = [];
    for (const record of zone.records) {
      if (!DOMAINKEY_LABEL.test(record.owner)) continue;
      const entry = dkimTxt(record);
      if (entry !== undefined && dkimKeyName(record.owner) !== undefined) list.push(entry);
    }
    zoneCache.set(zone, list);
  }
  return list;
}

/** A TXT record parsed as a key record (cached), whatever its name; undefined for other record types. */
export function dkimTxt(record: ResourceRecord): DkimTxt | undefined {
  let entry = recordCache.get(record);
  if (entry === undefined) {
    const text = txtRecordText(record);
    if (text === undefined) return undefined;
    entry = { record, text, parsed: parseDkimKeyRecord(text.text) };
    recordCache.set(record, entry);
  }
  return entry;
}

/** Parses a key record: its tags, the key type in force, and the key in p= decoded with node:crypto. */
export function parseDkimKeyRecord(text: string): DkimKeyRecord {
  const tagList = parseTagList(text);
  const tags = tagList.tags;
  const keyTypeTag = findTag(tags, 'k');
  const keyType = keyTypeTag === undefined ? 'rsa' : keyTypeTag.value.toLowerCase();
  return { text, tagList, tags, keyTypeTag, keyType, key: readKey(findTag(tags, 'p'), keyType) };
}

/** The first tag with this exact name (DKIM tag names are case-sensitive, RFC 6376 §3.2). */
export function findTag(tags: readonly Tag[], name: string): Tag | undefined {
  return tags.find((tag) => tag.name === name);
}

/** The key type when `k=` names one RFC 6376 or RFC 8463 defines. */
export function knownKeyType(record: DkimKeyRecord): DkimKeyType | undefined {
  return record.keyType === 'rsa' || record.keyType === 'ed25519' ? record.keyType : undefined;
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

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key octets follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function readKey(tag: Tag | undefined, keyType: string): DkimKeyData {
  if (tag === undefined) return { kind: 'missing' };
  let compact = '';
  const offsets: number[] = [];
  for (let i = 0; i < tag.value.length; i++) {
    if (isTagListWhitespace(tag.value.charCodeAt(i))) continue;
    compact += tag.value[i];
    offsets.push(tag.valueRange.start + i);
  }
  if (compact === '') return { kind: 'revoked', tag };
  const badChar = /[^A-Za-z0-9+/=]/.exec(compact) ?? /=[^=]|={3,}/.exec(compact);
  if (badChar !== null) {
    const at = offsets[badChar.index];
    return { kind: 'bad-base64', tag, message: `bad base64 in p=: \`${compact[badChar.index]}\` cannot stand here`, range: { start: at, end: at + 1 } };
  }
  if (compact.length % 4 !== 0) {
    return {
      kind: 'bad-base64',
      tag,
      message: `bad base64 in p=: ${compact.length} characters is not a multiple of 4, so the key is cut short or padding is missing`,
      range: tag.valueRange,
    };
  }
  const octets = Buffer.from(compact, 'base64');
  const memoKey = `${keyType} ${compact}`;
  let key = decodedKeys.get(memoKey);
  if (key === undefined) {
    key = decodeKey(octets, keyType);
    if (decodedKeys.size >= 1000) decodedKeys.clear();
    decodedKeys.set(memoKey, key);
  }
  return { kind: 'decoded', tag, octets, key };
}

/** Keys already decoded, by type and base64: hosting zones repeat one key for many domains, and decoding costs. */
const decodedKeys = new Map<string, DecodedKey>();

function decodeKey(octets: Buffer, keyType: string): DecodedKey {
  switch (keyType) {
    case 'rsa':
      return decodeRsa(octets);
    case 'ed25519':
      return decodeEd25519(octets);
    default:
      return { kind: 'unchecked' };
  }
}

function decodeRsa(octets: Buffer): DecodedKey {
  // Both DER forms open with a SEQUENCE; anything else needs no costly attempt by OpenSSL to say so.
  if (octets[0] !== 0x30) return notRsa(octets);
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
    return notRsa(octets);
  }
}

function notRsa(octets: Buffer): DecodedKey {
  return {
    kind: 'invalid',
    message: `p= does not decode to an RSA public key: its ${octets.length} octets are not a DER SubjectPublicKeyInfo (the key is cut short or damaged)`,
  };
}

function decodeEd25519(octets: Buffer): DecodedKey {
  if (octets.length === 32) return { kind: 'ed25519' };
  if (octets.length === 44 && octets.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) {
    return {
      kind: 'invalid',
      message: 'p= holds an Ed25519 SubjectPublicKeyInfo; RFC 8463 §4.2 wants only the 32 raw key octets (its last 32 octets, base64-encoded)',
    };
  }
  return { kind: 'invalid', message: `p= is ${octets.length} octets; an Ed25519 key is 32 raw octets (RFC 8463 §4.2)` };
}

function article(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

const zoneCache = new WeakMap<Zone, DkimTxt[]>();
const DOMAINKEY_LABEL = /\._domainkey(?:\.|$)/i;
const recordCache = new WeakMap<ResourceRecord, DkimTxt>();
