// spf-mx-ptr-limit: an `mx` term whose domain has more than 10 MX names makes receivers return permerror
// (RFC 7208 §4.6.4). `ptr` names depend on the connecting address, so they cannot be counted statically.

import { MAX_MX_NAMES } from '../email/spf/evaluate';
import type { TermCost } from '../email/spf/lookups';
import { TREE_MARKS, walkTerms } from '../email/spf/lookups';
import { analyzedSpfRecords, describeChain, visitLocation } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-mx-ptr-limit', defaultSeverity: 'error', summary: 'An mx (or ptr) term whose target has more than 10 names to look up.' },
  async check(context) {
    for (const analyzed of await analyzedSpfRecords(context.zone, context.workspace)) {
      if ((analyzed.marks & TREE_MARKS.manyMxNames) === 0) continue;
      const spf = analyzed.spf;
      // One finding per term of the record: the chain in it shows the first problem behind that term.
      const reported = new Set<TermCost>();
      for (const visit of walkTerms(analyzed.analysis.root)) {
        const names = visit.cost.names;
        if (visit.cost.term.kind !== 'mx' || names === undefined || names <= MAX_MX_NAMES) continue;
        const top = visit.path[0] ?? visit.cost;
        if (reported.has(top)) continue;
        reported.add(top);
        context.report({
          location: visitLocation(spf, visit),
          message: `${describeChain(visit)}: the domain has ${names} MX names; receivers look up at most ${MAX_MX_NAMES} and return permerror beyond that (RFC 7208 §4.6.4): list the mail hosts with ip4:/ip6: or a: instead`,
        });
      }
    }
  },
};
