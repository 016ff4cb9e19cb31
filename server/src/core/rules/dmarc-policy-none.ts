// dmarc-policy-none: `p=none`, which asks receivers only to report; mail that fails DMARC is still delivered
// (RFC 9989 §4.7), so the domain stays open to spoofing until the policy is raised.

import { dmarcTag, policyOf, policyRecords } from '../email/dmarc';
import { textLocation } from '../email/txtRecords';
import { replaceTagValue } from '../edit/tags';
import { editFix } from '../edit/textEdit';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-policy-none',
    defaultSeverity: 'warning',
    summary: 'p=none: receivers only report, and spoofed mail is still delivered.',
  },
  check(context) {
    for (const { record, text, parsed } of policyRecords(context.zone)) {
      const policy = dmarcTag(parsed, 'p');
      if (policy === undefined || policyOf(policy.value) !== 'none') continue;
      const reports = dmarcTag(parsed, 'rua') === undefined ? ' (add rua= first: without it you get no reports to act on)' : '';
      context.report({
        location: textLocation(record, text, policy.range),
        message:
          `p=none only monitors: mail that fails DMARC is still delivered, so the domain can still be spoofed. ` +
          `Roll out in stages: p=none while you read the aggregate reports and fix every legitimate sender${reports}, ` +
          `then p=quarantine, then p=reject.`,
        // The next stage is the obvious step; jumping to reject is for domains whose reports are already clean.
        fixes: [
          ...editFix({ title: 'Move to the next stage: p=quarantine (failing mail goes to spam)', edit: replaceTagValue({ record, text }, policy, 'quarantine'), isPreferred: true }),
          ...editFix({ title: 'Go straight to p=reject (failing mail is refused)', edit: replaceTagValue({ record, text }, policy, 'reject') }),
        ],
      });
    }
  },
};
