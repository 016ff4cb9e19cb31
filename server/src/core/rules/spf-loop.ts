// spf-loop: an include or redirect that comes back to a record already being evaluated never ends; receivers
// give up with permerror at the lookup limit (RFC 7208 §4.6.4, §5.2).

import type { RelatedInformation } from '../types';
import type { TermCost } from '../email/spf/lookups';
import { termLocation, TREE_MARKS, walkTerms } from '../email/spf/lookups';
import { analyzedSpfRecords, describeChain, visitLocation } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-loop', defaultSeverity: 'error', summary: 'An include or redirect loop.' },
  async check(context) {
    for (const analyzed of await analyzedSpfRecords(context.zone, context.workspace)) {
      if ((analyzed.marks & TREE_MARKS.loop) === 0) continue;
      const spf = analyzed.spf;
      // One finding per term of the record: the chain in it shows the first problem behind that term.
      const reported = new Set<TermCost>();
      for (const visit of walkTerms(analyzed.analysis.root)) {
        const target = visit.cost.target;
        if (target?.kind !== 'loop') continue;
        const top = visit.path[0] ?? visit.cost;
        if (reported.has(top)) continue;
        reported.add(top);
        // When the loop closes in another record of the workspace, point there too.
        const closing = visit.path.length > 0 ? termLocation(visit.record.source, visit.cost.term) : undefined;
        const related: RelatedInformation[] = closing === undefined ? [] : [{ location: closing, message: `${visit.cost.term.text} closes the loop` }];
        context.report({
          location: visitLocation(spf, visit),
          message: `include/redirect loop: ${target.chain.join(' → ')} (through ${describeChain(visit)}); receivers return permerror`,
          related,
        });
      }
    }
  },
};
