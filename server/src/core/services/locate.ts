// What stands at an offset of a zone file: a record's owner, its type, a name in its rdata, a domain in an SPF
// record, or the file name of an `$INCLUDE`. Hover and go to definition both start here.

import { txtRecordText } from '../email/txtRecords';
import { sourceSpan } from '../email/recordText';
import type { DomainSpec, Term } from '../email/spf/parse';
import { constantText, isSpfRecordText, parseSpf } from '../email/spf/parse';
import type { Span } from '../types';
import type { IncludeDirective, ResourceRecord, Zone } from '../zone/model';

export type ZoneItem =
  | { readonly kind: 'owner'; readonly record: ResourceRecord; readonly name: string; readonly span: Span }
  | { readonly kind: 'type'; readonly record: ResourceRecord; readonly span: Span }
  /** A name in rdata: a CNAME, NS, PTR or DNAME target, an MX exchange or an SRV target. */
  | { readonly kind: 'target'; readonly record: ResourceRecord; readonly name: string; readonly span: Span }
  /** The domain of an SPF term (`include:`, `redirect=`, `a:`, `mx:`, `ptr:`, `exists:`, `exp=`) without macros. */
  | { readonly kind: 'spf-domain'; readonly record: ResourceRecord; readonly term: string; readonly name: string; readonly span: Span }
  | { readonly kind: 'include'; readonly directive: IncludeDirective; readonly span: Span };

/** The item at `offset` in `filePath` (a file of `zone`), or undefined when the offset is on nothing named. */
export function itemAt(zone: Zone, filePath: string, offset: number): ZoneItem | undefined {
  for (const directive of zone.includes) {
    if (directive.file.path === filePath && contains(directive.pathSpan, offset)) return { kind: 'include', directive, span: directive.pathSpan };
  }
  const record = recordAt(zone, filePath, offset);
  if (record === undefined) return undefined;
  if (record.ownerSpan !== undefined && contains(record.ownerSpan, offset)) return { kind: 'owner', record, name: record.owner, span: record.ownerSpan };
  if (contains(record.typeSpan, offset)) return { kind: 'type', record, span: record.typeSpan };
  const data = record.data;
  switch (data.kind) {
    case 'target':
    case 'srv':
      return contains(data.targetSpan, offset) ? { kind: 'target', record, name: data.target, span: data.targetSpan } : undefined;
    case 'mx':
      return contains(data.exchangeSpan, offset) ? { kind: 'target', record, name: data.exchange, span: data.exchangeSpan } : undefined;
    case 'txt':
      return spfDomainAt(record, offset);
    case 'a':
    case 'aaaa':
    case 'soa':
    case 'other':
      return undefined;
    default: {
      const unreachable: never = data;
      return unreachable;
    }
  }
}

/** The record written at `offset` (its whole entry), skipping records a `$GENERATE` line expands to. */
export function recordAt(zone: Zone, filePath: string, offset: number): ResourceRecord | undefined {
  for (const record of zone.records) {
    if (record.generated || record.file.path !== filePath) continue;
    if (contains(record.span, offset)) return record;
  }
  return undefined;
}

/** The SPF terms of a TXT record that name a fixed domain, with the source span of each domain. */
export function spfDomains(record: ResourceRecord): { term: string; name: string; span: Span }[] {
  const text = txtRecordText(record);
  if (text === undefined || !isSpfRecordText(text.text)) return [];
  const found: { term: string; name: string; span: Span }[] = [];
  for (const term of parseSpf(text.text).terms) {
    const spec = termDomain(term);
    const domain = spec === undefined ? undefined : constantText(spec);
    if (spec === undefined || domain === undefined || domain.length === 0) continue;
    found.push({ term: term.kind, name: absolute(domain), span: sourceSpan(text, spec.start, spec.end) });
  }
  return found;
}

function spfDomainAt(record: ResourceRecord, offset: number): ZoneItem | undefined {
  const hit = spfDomains(record).find((domain) => contains(domain.span, offset));
  return hit === undefined ? undefined : { kind: 'spf-domain', record, ...hit };
}

function termDomain(term: Term): DomainSpec | undefined {
  switch (term.kind) {
    case 'include':
    case 'exists':
    case 'redirect':
    case 'exp':
    case 'a':
    case 'mx':
    case 'ptr':
      return term.domain;
    case 'all':
    case 'ip4':
    case 'ip6':
    case 'unknown-modifier':
      return undefined;
    default: {
      const unreachable: never = term;
      return unreachable;
    }
  }
}

/** SPF domains are written without the root's trailing dot; names in the core are absolute. */
function absolute(domain: string): string {
  return domain.endsWith('.') ? domain : `${domain}.`;
}

/** Whether a cursor at `offset` touches the span; the end counts, so a cursor right after a word still finds it. */
function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
