// spf-include-target: an include or redirect target without a usable SPF record (none, several, or one with a
// syntax error) makes the whole check a permerror (RFC 7208 §5.2, §6.1).

import type { RelatedInformation } from '../types';
import type { TargetOutcome, TermCost } from '../email/spf/lookups';
import { termLocation, TREE_MARKS, walkTerms } from '../email/spf/lookups';
import { analyzedSpfRecords, describeChain, visitLocation } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-include-target', defaultSeverity: 'error', summary: 'An include or redirect target has no SPF record, or a broken one.' },
  async check(context) {
    for (const analyzed of await analyzedSpfRecords(context.zone, context.workspace)) {
      if ((analyzed.marks & TREE_MARKS.unusableTarget) === 0) continue;
      const spf = analyzed.spf;
      // One finding per term of the record: the chain in it shows the first problem behind that term.
      const reported = new Set<TermCost>();
      for (const visit of walkTerms(analyzed.analysis.root)) {
        const target = visit.cost.target;
        if (target === undefined) continue;
        const problem = targetProblem(target);
        if (problem === undefined) continue;
        const top = visit.path[0] ?? visit.cost;
        if (reported.has(top)) continue;
        reported.add(top);
        context.report({
          location: visitLocation(spf, visit),
          message: `${describeChain(visit)}: ${problem}; receivers return permerror (RFC 7208 §5.2)`,
          related: brokenRecordPlace(target),
        });
      }
    }
  },
};

function targetProblem(target: TargetOutcome): string | undefined {
  switch (target.kind) {
    case 'no-record':
      return target.nxdomain ? `${target.domain} does not exist` : `${target.domain} has no SPF record`;
    case 'multiple':
      return `${target.domain} has ${target.count} SPF records`;
    case 'broken': {
      const error = target.source.parsed.errors[0];
      return `the SPF record of ${target.domain} has a syntax error at "${target.source.text.slice(error.start, error.end)}": ${error.message}`;
    }
    case 'record':
    case 'loop':
    case 'unresolved':
    case 'macro':
    case 'not-followed':
      return undefined;
    default: {
      const unreachable: never = target;
      return unreachable;
    }
  }
}

/** For a broken target in the workspace, the place of its first syntax error. */
function brokenRecordPlace(target: TargetOutcome): RelatedInformation[] {
  if (target.kind !== 'broken') return [];
  const error = target.source.parsed.errors[0];
  const location = termLocation(target.source, error);
  return location === undefined ? [] : [{ location, message: error.message }];
}
