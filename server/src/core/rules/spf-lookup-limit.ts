// spf-lookup-limit: receivers stop with permerror at the 11th DNS-querying term (RFC 7208 §4.6.4), counted
// through every include and redirect. The count is the worst case: every term up to `all` is assumed reached.

import type { RelatedInformation } from '../types';
import { MAX_DNS_TERMS } from '../email/spf/evaluate';
import { termLocation, walkTerms } from '../email/spf/lookups';
import type { RecordCost } from '../email/spf/lookups';
import { analyzedSpfRecords, locate } from '../email/spf/records';
import type { ZoneSpfRecord } from '../email/spf/records';
import { lineEnding, lineStartOf } from '../edit/lines';
import type { Fix } from '../edit/textEdit';
import { replaceInTxt } from '../edit/txt';
import type { Rule } from './rule';

const MAX_RELATED = 20;

export const rule: Rule = {
  meta: {
    id: 'spf-lookup-limit',
    defaultSeverity: 'error',
    summary: 'More than 10 DNS-querying terms counted through every include and redirect, worst case (RFC 7208 §4.6.4).',
  },
  async check(context) {
    for (const analyzed of await analyzedSpfRecords(context.zone, context.workspace)) {
      if (analyzed.lookups <= MAX_DNS_TERMS) continue;
      const { spf, analysis } = analyzed;
      // Point at the term of this record that takes the running count past the limit.
      let running = 0;
      let crossing = analysis.root.terms[analysis.root.terms.length - 1];
      for (const cost of analysis.root.terms) {
        running += cost.total;
        if (running > MAX_DNS_TERMS) {
          crossing = cost;
          break;
        }
      }
      const related: RelatedInformation[] = [];
      for (const visit of walkTerms(analysis.root)) {
        const { term, total, answeredBy } = visit.cost;
        if (term.kind !== 'include' && term.kind !== 'redirect') continue;
        const location = termLocation(visit.record.source, term);
        if (location === undefined || related.length >= MAX_RELATED) continue;
        related.push({ location, message: `${term.text}: ${total} lookup${total === 1 ? '' : 's'} (answered by ${answeredBy})` });
      }
      const atLeast = analysis.complete ? '' : 'at least ';
      context.report({
        location: locate(spf.zone, crossing.term),
        message: `SPF record needs ${atLeast}${analysis.lookups} DNS lookups; the limit is ${MAX_DNS_TERMS} (RFC 7208 §4.6.4) and receivers return permerror beyond it. The count passes ${MAX_DNS_TERMS} at this term: replace includes by ip4:/ip6: ranges or drop unused ones`,
        related,
        fixes: flattenFixes(spf, analysis.root),
      });
    }
  },
};

/**
 * One fix per include whose whole tree is known and authorizes plain addresses: the include is replaced by its
 * ip4:/ip6: terms, saving its lookups, with a comment above the record saying the copy goes stale.
 */
function flattenFixes(spf: ZoneSpfRecord, root: RecordCost): Fix[] {
  const fixes: Fix[] = [];
  const { record } = spf.zone;
  const file = record.file;
  for (const cost of root.terms) {
    if (cost.term.kind !== 'include' || cost.term.qualifier !== '+' || cost.target?.kind !== 'record') continue;
    const addresses = addressesOf(cost.target.record);
    if (addresses === undefined || addresses.length === 0) continue;
    const replacement = replaceInTxt(spf.zone, cost.term, addresses.join(' '));
    if (replacement === undefined) continue;
    const target = cost.term.domain.text;
    const lineStart = lineStartOf(file, record.span.start);
    const indentation = /^[ \t]*/.exec(file.text.slice(lineStart, record.span.start))![0];
    const note = `${indentation}; ${cost.term.text} flattened by zonelint: these addresses go stale when ${target} changes its SPF record; compare them again from time to time${lineEnding(file.text)}`;
    fixes.push({
      title: `Flatten "${cost.term.text}" into ${addresses.length === 1 ? addresses[0] : `its ${addresses.length} ip4:/ip6: terms`} (saves ${cost.total} lookup${cost.total === 1 ? '' : 's'}; the copy goes stale when ${target} changes)`,
      edits: [{ file, span: { start: lineStart, end: lineStart }, newText: note }, replacement],
    });
  }
  return fixes;
}

/**
 * The ip4:/ip6: terms an included record passes, when that is all it does: `+` address terms and includes of the
 * same kind, up to an `all` that does not pass. Anything else (a, mx, exists, redirect, a qualified address)
 * cannot be written as a list of addresses.
 */
function addressesOf(record: RecordCost): string[] | undefined {
  if (record.source.parsed.errors.length > 0) return undefined;
  const addresses: string[] = [];
  for (const term of record.source.parsed.terms) {
    switch (term.kind) {
      case 'ip4':
      case 'ip6':
        if (term.qualifier !== '+') return undefined;
        addresses.push(term.explicitQualifier ? term.text.slice(1) : term.text);
        break;
      case 'include': {
        const target = record.terms.find((cost) => cost.term === term)?.target;
        const nested = term.qualifier === '+' && target?.kind === 'record' ? addressesOf(target.record) : undefined;
        if (nested === undefined) return undefined;
        addresses.push(...nested);
        break;
      }
      case 'all':
        return term.qualifier === '+' ? undefined : addresses;
      case 'exp':
      case 'unknown-modifier':
        break;
      case 'a':
      case 'mx':
      case 'ptr':
      case 'exists':
      case 'redirect':
        return undefined;
      default: {
        const unreachable: never = term;
        return unreachable;
      }
    }
  }
  return addresses;
}
