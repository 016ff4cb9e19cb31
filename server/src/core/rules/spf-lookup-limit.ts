// spf-lookup-limit: receivers stop with permerror at the 11th DNS-querying term (RFC 7208 §4.6.4), counted
// through every include and redirect. The count is the worst case: every term up to `all` is assumed reached.

import type { RelatedInformation } from '../types';
import { MAX_DNS_TERMS } from '../email/spf/evaluate';
import { termLocation, walkTerms } from '../email/spf/lookups';
import { analyzedSpfRecords, locate } from '../email/spf/records';
import type { Rule } from './rule';

const MAX_RELATED = 20;

export const rule: Rule = {
  meta: {
    id: 'spf-lookup-limit',
    defaultSeverity: 'error',
    summary: 'More than 10 DNS-querying terms counted through every include and redirect, worst case (RFC 7208 §4.6.4).',
  },
  async check(context) {
    for (const { spf, analysis } of await analyzedSpfRecords(context.zone, context.workspace)) {
      if (analysis.lookups <= MAX_DNS_TERMS) continue;
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
      });
    }
  },
};
