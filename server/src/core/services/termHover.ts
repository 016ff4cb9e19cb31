// Hover text for one term of a mail record: the SPF mechanism, modifier or version under the cursor, or the DMARC
// or DKIM tag, with what it means, its value here and the RFC section that defines it. The tables also feed
// completion, so both say the same thing.

import { parseDkimKeyRecord } from '../email/dkim';
import { parseDmarcRecord } from '../email/dmarc';
import type { RecordText } from '../email/recordText';
import { sourceSpan } from '../email/recordText';
import type { Term, TextRange } from '../email/spf/parse';
import { isSpfRecordText, parseSpf } from '../email/spf/parse';
import { dkimKeyName, looksLikeDkim } from '../email/dkim';
import { txtRecordText } from '../email/txtRecords';
import type { Tag } from '../email/tagList';
import type { Span } from '../types';
import type { Zone } from '../zone/model';
import { decodeEscapes } from '../zone/names';
import type { HoverText } from './hover';
import { recordAt } from './locate';

export interface TermDoc {
  /** What the term or tag does, in one or two sentences. */
  readonly meaning: string;
  readonly rfc: string;
  /** The values a tag takes, with what each means (for hovers and value completion). */
  readonly values?: Readonly<Record<string, string>>;
}

export type SpfTermName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists' | 'redirect' | 'exp';

export const SPF_TERMS: Readonly<Record<SpfTermName, TermDoc>> = {
  all: { meaning: 'Matches every sender: it ends the evaluation, and its qualifier is the result for hosts nothing else listed.', rfc: 'RFC 7208 §5.1' },
  include: { meaning: 'Evaluates the SPF record of another domain; matches when that record passes the sender. Costs one DNS lookup plus those of the included record.', rfc: 'RFC 7208 §5.2' },
  a: { meaning: "Matches when the sender's address is an A or AAAA address of the domain (this one by default), optionally widened by a prefix length. One DNS lookup.", rfc: 'RFC 7208 §5.3' },
  mx: { meaning: "Matches when the sender's address is an address of one of the domain's MX hosts. One DNS lookup, plus one per MX host (at most 10).", rfc: 'RFC 7208 §5.4' },
  ptr: { meaning: "Matches when the sender's reverse DNS name ends in the domain. Slow and unreliable: it SHOULD NOT be used.", rfc: 'RFC 7208 §5.5' },
  ip4: { meaning: "Matches when the sender's IPv4 address is in the network. No DNS lookup.", rfc: 'RFC 7208 §5.6' },
  ip6: { meaning: "Matches when the sender's IPv6 address is in the network. No DNS lookup.", rfc: 'RFC 7208 §5.6' },
  exists: { meaning: 'Matches when the domain (usually built with macros) has an A record, whatever its address. One DNS lookup.', rfc: 'RFC 7208 §5.7' },
  redirect: { meaning: "Used only when no mechanism matched and there is no `all`: the result is the other domain's SPF result. One DNS lookup.", rfc: 'RFC 7208 §6.1' },
  exp: { meaning: 'Names a TXT record whose text receivers may show to a sender they reject (the explanation).', rfc: 'RFC 7208 §6.2' },
};

export const SPF_QUALIFIERS: Readonly<Record<string, string>> = {
  '+': 'pass (the default when no qualifier is written)',
  '-': 'fail: the receiver may reject the mail',
  '~': 'softfail: accept but mark as suspicious',
  '?': 'neutral: no statement, treated like no SPF',
};

export const SPF_VERSION: TermDoc = { meaning: 'Marks the TXT record as an SPF record; a name may have only one.', rfc: 'RFC 7208 §4.5' };

const POLICY_VALUES = {
  none: 'monitor: deliver as usual and only report',
  quarantine: 'treat failing mail as suspicious (usually the spam folder)',
  reject: 'refuse failing mail during the SMTP transaction',
};

export const DMARC_TAG_DOCS: Readonly<Record<string, TermDoc>> = {
  v: { meaning: 'The version; must come first and read exactly DMARC1.', rfc: 'RFC 9989 §4.7', values: { DMARC1: 'the only version' } },
  p: { meaning: 'The policy for mail that fails DMARC from the domain itself.', rfc: 'RFC 9989 §4.7', values: POLICY_VALUES },
  sp: { meaning: 'The policy for subdomains that have no DMARC record of their own (p when absent).', rfc: 'RFC 9989 §4.7', values: POLICY_VALUES },
  np: { meaning: 'The policy for non-existent subdomains (sp, else p, when absent).', rfc: 'RFC 9989 §4.7', values: POLICY_VALUES },
  adkim: { meaning: 'DKIM alignment: whether the signing domain must equal the From domain or only share its organization.', rfc: 'RFC 9989 §4.7', values: { r: 'relaxed (the default): same organizational domain', s: 'strict: the same domain' } },
  aspf: { meaning: 'SPF alignment: whether the envelope domain must equal the From domain or only share its organization.', rfc: 'RFC 9989 §4.7', values: { r: 'relaxed (the default): same organizational domain', s: 'strict: the same domain' } },
  fo: {
    meaning: 'When to send failure reports (to ruf), as a colon-separated list.',
    rfc: 'RFC 9989 §4.7',
    values: { '0': 'when every mechanism fails (the default)', '1': 'when any mechanism fails', d: 'when the DKIM signature fails', s: 'when SPF fails' },
  },
  rua: { meaning: 'Where receivers send daily aggregate reports: comma-separated mailto: URIs. A mailbox in another domain must authorize it (RFC 9990 §4).', rfc: 'RFC 9989 §4.7' },
  ruf: { meaning: 'Where receivers send per-message failure reports: comma-separated mailto: URIs (few receivers send them).', rfc: 'RFC 9989 §4.7' },
  t: { meaning: 'Testing mode: receivers apply one policy level lower (replaces pct).', rfc: 'RFC 9989 §4.7', values: { y: 'testing: apply the policy one level lower', n: 'not testing (the default)' } },
  psd: { meaning: 'Whether the domain is a public suffix domain, for the organizational-domain tree walk.', rfc: 'RFC 9989 §4.7', values: { y: 'a public suffix domain', n: 'not one, and the organizational domain', u: 'unknown (the default)' } },
  pct: { meaning: 'The percentage of failing mail the policy applies to. RFC 9989 removed it: use t=y instead.', rfc: 'RFC 7489 §6.3' },
  rf: { meaning: 'The failure-report format. RFC 9989 removed it; receivers ignore it.', rfc: 'RFC 7489 §6.3' },
  ri: { meaning: 'The aggregate-report interval in seconds. RFC 9989 removed it; receivers ignore it.', rfc: 'RFC 7489 §6.3' },
};

export const DKIM_TAG_DOCS: Readonly<Record<string, TermDoc>> = {
  v: { meaning: 'The version; if written it must come first and read DKIM1.', rfc: 'RFC 6376 §3.6.1', values: { DKIM1: 'the only version' } },
  k: { meaning: 'The key type.', rfc: 'RFC 6376 §3.6.1, RFC 8463 §4.2', values: { rsa: 'RSA (the default); 2048 bits or more', ed25519: 'Ed25519 (32-octet key)' } },
  p: { meaning: 'The public key, base64: an RSA SubjectPublicKeyInfo, or the 32 raw octets of an Ed25519 key. Empty means revoked.', rfc: 'RFC 6376 §3.6.1' },
  h: { meaning: 'The hash algorithms signatures with this key may use (all when absent).', rfc: 'RFC 6376 §3.6.1, RFC 8301 §3.1', values: { sha256: 'SHA-256, the only one verifiers accept', sha1: 'SHA-1: RFC 8301 forbids it' } },
  t: { meaning: 'Flags, colon-separated.', rfc: 'RFC 6376 §3.6.1', values: { y: 'testing: verifiers treat failures like unsigned mail', s: 'strict: the i= domain must equal the d= domain' } },
  s: { meaning: 'The services the key may be used for, colon-separated.', rfc: 'RFC 6376 §3.6.1', values: { '*': 'every service (the default)', email: 'e-mail only' } },
  n: { meaning: 'Notes for people reading the record; verifiers ignore it.', rfc: 'RFC 6376 §3.6.1' },
  g: { meaning: 'The granularity of the key (RFC 4871); RFC 6376 dropped it and verifiers ignore it.', rfc: 'RFC 6376 Appendix D' },
};

/** The hover of the SPF term, DMARC tag or DKIM tag under `offset` in the data of a TXT record, if any. */
export function termHoverAt(input: { zone: Zone; filePath: string; offset: number }): HoverText | undefined {
  const record = recordAt(input.zone, input.filePath, input.offset);
  if (record === undefined) return undefined;
  const text = txtRecordText(record);
  if (text === undefined) return undefined;
  const at = textOffsetAt(text, input.offset);
  if (at === undefined) return undefined;
  const span = (range: TextRange): Span => sourceSpan(text, range.start, range.end);
  if (isSpfRecordText(text.text)) {
    const parsed = parseSpf(text.text);
    if (at < parsed.version.end) return { span: span(parsed.version), markdown: describe('`v=spf1`', SPF_VERSION) };
    const term = parsed.terms.find((candidate) => candidate.start <= at && at < candidate.end);
    return term === undefined ? undefined : { span: span(term), markdown: describeSpfTerm(term) };
  }
  const dmarc = parseDmarcRecord(text.text);
  if (dmarc.kind !== 'not-dmarc') {
    const tag = dmarc.tags.find((candidate) => within(candidate, at));
    const doc = tag === undefined ? undefined : DMARC_TAG_DOCS[tag.key];
    return tag === undefined ? undefined : { span: span(tag.range), markdown: describeTag(tag, doc, 'DMARC') };
  }
  if (dkimKeyName(record.owner) !== undefined || looksLikeDkim(text.text)) {
    const tag = parseDkimKeyRecord(text.text).tags.find((candidate) => within(candidate, at));
    return tag === undefined ? undefined : { span: span(tag.range), markdown: describeTag(tag, DKIM_TAG_DOCS[tag.name], 'DKIM') };
  }
  return undefined;
}

/**
 * The offset in a record's joined text of a source offset inside one of its strings (escapes count as the one
 * octet they stand for); undefined outside the strings' text.
 */
export function textOffsetAt(text: RecordText, offset: number): number | undefined {
  for (let i = 0; i < text.strings.length; i++) {
    const string = text.strings[i];
    const start = string.span.start + (string.quoted ? 1 : 0);
    const end = string.span.end - (string.quoted ? 1 : 0);
    if (offset < start || offset > end) continue;
    let prefix = string.raw.slice(0, offset - start);
    // An offset inside an escape stands for that escape's octet.
    const partial = /\\(?:\d{0,2})?$/.exec(prefix);
    if (partial !== null) prefix = prefix.slice(0, partial.index);
    return text.stringStarts[i] + (decodeEscapes(prefix)?.length ?? prefix.length);
  }
  return undefined;
}

function within(tag: Tag, at: number): boolean {
  return tag.range.start <= at && at < Math.max(tag.range.end, tag.range.start + 1);
}

function describeSpfTerm(term: Term): string {
  if (term.kind === 'unknown-modifier') return `\`${term.text}\`: a modifier SPF does not define; receivers ignore it (RFC 7208 §6).`;
  const lines = [describe(`\`${term.text}\``, SPF_TERMS[term.kind])];
  if ('qualifier' in term) lines.push(`Qualifier \`${term.qualifier}\`: ${SPF_QUALIFIERS[term.qualifier]}${term.explicitQualifier ? '' : ' (implicit)'}.`);
  return lines.join('\n\n');
}

function describeTag(tag: Tag, doc: TermDoc | undefined, protocol: 'DMARC' | 'DKIM'): string {
  if (doc === undefined) return `\`${tag.name}=\`: not a ${protocol} tag; receivers ignore it.`;
  const lines = [describe(`\`${tag.name}=\``, doc)];
  const value = tag.value.length > 64 ? `${tag.value.slice(0, 61)}...` : tag.value;
  const meaning = doc.values?.[tag.value] ?? doc.values?.[tag.value.toLowerCase()];
  lines.push(`Here: \`${value === '' ? '(empty)' : value}\`${meaning === undefined ? '' : `: ${meaning}`}.`);
  if (doc.values !== undefined && meaning === undefined && tag.value !== '') {
    lines.push(`Values: ${Object.entries(doc.values).map(([key, text]) => `\`${key}\` ${text}`).join('; ')}.`);
  }
  return lines.join('\n\n');
}

function describe(title: string, doc: TermDoc): string {
  return `${title}: ${doc.meaning} (${doc.rfc})`;
}
