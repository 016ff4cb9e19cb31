// spf-unresolved: a name outside the workspace could not be looked up (DNS off, offline or failing), so the
// lookup counts of spf-lookup-limit and spf-void-lookup-limit are lower bounds for this record.

import { TREE_MARKS, walkTerms } from '../email/spf/lookups';
import type { TermCost, TermVisit } from '../email/spf/lookups';
import { analyzedSpfRecords, describeChain, visitLocation } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'spf-unresolved',
    defaultSeverity: 'information',
    summary: 'A target outside the workspace was not resolved (DNS off, offline or failed): the counts are lower bounds.',
  },
  async check(context) {
    for (const analyzed of await analyzedSpfRecords(context.zone, context.workspace)) {
      if ((analyzed.marks & TREE_MARKS.unresolved) === 0) continue;
      const spf = analyzed.spf;
      // One finding per term of the record, however many names behind it failed.
      const reported = new Set<TermCost>();
      for (const visit of walkTerms(analyzed.analysis.root)) {
        const reason = unresolvedReason(visit);
        const top = visit.path[0] ?? visit.cost;
        if (reason === undefined || reported.has(top)) continue;
        reported.add(top);
        context.report({
          location: visitLocation(spf, visit),
          message: `${describeChain(visit)} could not be resolved (${reason}): this record's lookup counts are lower bounds`,
        });
      }
    }
  },
};

function unresolvedReason(visit: TermVisit): string | undefined {
  const { cost } = visit;
  if (cost.target?.kind === 'unresolved') return cost.target.reason;
  if (cost.answeredBy === 'unresolved' || cost.answeredBy === 'error') return cost.note;
  return undefined;
}
