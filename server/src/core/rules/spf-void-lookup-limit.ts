// spf-void-lookup-limit: more than two DNS-querying terms that find nothing (NXDOMAIN or no records) make
// receivers return permerror (RFC 7208 §4.6.4).

import { MAX_VOID_LOOKUPS } from '../email/spf/evaluate';
import { walkTerms } from '../email/spf/lookups';
import { analyzedSpfRecords, describeChain, visitLocation } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-void-lookup-limit', defaultSeverity: 'error', summary: 'More than 2 lookups that return no records (RFC 7208 §4.6.4).' },
  async check(context) {
    for (const analyzed of await analyzedSpfRecords(context.zone, context.workspace)) {
      if (analyzed.voidLookups <= MAX_VOID_LOOKUPS) continue;
      const { spf, analysis } = analyzed;
      const voids = [...walkTerms(analysis.root)].filter((visit) => visit.cost.isVoid);
      const over = voids[MAX_VOID_LOOKUPS];
      context.report({
        location: visitLocation(spf, over),
        message: `${analysis.voidLookups} lookups of this SPF record find no records; receivers return permerror after ${MAX_VOID_LOOKUPS} (RFC 7208 §4.6.4): remove the terms that name hosts without records`,
        related: voids.map((visit) => ({ location: visitLocation(spf, visit), message: `${describeChain(visit)} finds no records` })),
      });
    }
  },
};
