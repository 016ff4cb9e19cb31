// dkim-syntax: a DKIM key record that breaks the RFC 6376 §3.2 and §3.6.1 grammar (tag list, version, p=,
// base64, duplicate tags); verifiers reject such a key and every signature that uses it fails.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { dkimSyntaxProblems, hasTrait, rereadDkimTxt } from '../email/dkim';
import { recordLocation, textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dkim-syntax',
    defaultSeverity: 'error',
    summary: 'A DKIM key record breaks the tag-list grammar, has a bad v=, no p=, bad base64 or a duplicate tag.',
  },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      if (!hasTrait(entry, 'syntax')) continue;
      const { record } = entry;
      const { text, parsed } = rereadDkimTxt(entry);
      for (const problem of dkimSyntaxProblems(parsed)) {
        const first = problem.firstRange;
        context.report({
          location: problem.range === undefined ? recordLocation(record) : textLocation(record, text, problem.range),
          message: problem.message,
          severity: problem.severity,
          related: first === undefined ? undefined : [{ location: textLocation(record, text, first), message: 'the first occurrence' }],
        });
      }
    }
  },
};
