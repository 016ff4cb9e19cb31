// dmarc-removed-tag: `pct`, `rf` or `ri`, which RFC 9989 removed (Appendix A); receivers that follow it ignore
// them, and `t=y` replaces `pct` for testing a policy.

import { removedTagProblem, REMOVED_DMARC_TAGS } from '../email/dmarc';
import type { DmarcTag } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { textLocation } from '../email/txtRecords';
import type { Rule, RuleReport } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-removed-tag',
    defaultSeverity: 'information',
    summary: 'pct, rf or ri: RFC 9989 removed them and receivers ignore them.',
  },
  check(context) {
    for (const { record, text, parsed } of dmarcIndex(context.zone).withRemovedTag) {
      for (const tag of parsed.tags) {
        if (!REMOVED_DMARC_TAGS.has(tag.key)) continue;
        const { message, severity } = assess(tag);
        context.report({ location: textLocation(record, text, tag.range), message, severity });
      }
    }
  },
};

/**
 * Removal alone is advice. It becomes a warning when the tag still changes what happens: a value RFC 7489
 * receivers refuse (OpenDMARC then rejects the whole record), or a pct under 100 that RFC 9989 receivers ignore,
 * applying the policy to all failing mail rather than the share the author meant.
 */
function assess(tag: DmarcTag): Pick<RuleReport, 'message' | 'severity'> {
  const removed = `RFC 9989 removed ${tag.key}`;
  const problem = removedTagProblem(tag);
  if (problem !== undefined) {
    return {
      message: `${removed}, and \`${tag.name}=${tag.value}\` is also invalid for receivers that still follow RFC 7489 (OpenDMARC rejects the whole record): ${problem}; remove the tag`,
      severity: 'warning',
    };
  }
  if (tag.key === 'pct' && Number(tag.value) < 100) {
    return {
      message: `${removed}: receivers that follow it ignore pct=${tag.value} and apply the policy to all failing mail; to try a policy out, use t=y instead`,
      severity: 'warning',
    };
  }
  const effect: Record<string, string> = {
    pct: 'the policy applies to all failing mail',
    rf: 'failure reports use the one format there is',
    ri: 'aggregate reports come once a day',
  };
  return { message: `${removed}: receivers that follow it ignore the tag (${effect[tag.key]}); remove it` };
}
