// dkim-cname-target: a selector CNAME whose target does not fit its provider's pattern, so the key is not
// found where the provider signs from (Microsoft 365: selector1/selector2._domainkey).

import { microsoft365TargetProblem, isMicrosoftDkimTarget, MICROSOFT_365_SELECTORS } from '../email/microsoft365';
import { dkimKeyName } from '../email/dkim';
import { selectorCnames } from '../email/mailDomains';
import { shown } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dkim-cname-target',
    defaultSeverity: 'warning',
    summary: "A selector CNAME whose target does not fit its provider's pattern (Microsoft 365).",
  },
  check(context) {
    for (const record of selectorCnames(context.zone)) {
      const key = dkimKeyName(record.owner);
      if (key === undefined || record.data.kind !== 'target') continue;
      const selector = key.selector.toLowerCase();
      if (!MICROSOFT_365_SELECTORS.includes(selector) || !isMicrosoftDkimTarget(record.data.target)) continue;
      const problem = microsoft365TargetProblem({ selector, domain: key.domain, target: record.data.target });
      if (problem === undefined) continue;
      context.report({
        location: { file: record.file, span: record.data.targetSpan },
        message: `Microsoft 365 selector ${selector}._domainkey.${shown(key.domain)}: ${problem}`,
      });
    }
  },
};
