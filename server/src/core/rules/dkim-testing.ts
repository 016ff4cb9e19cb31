// dkim-testing: `t=y`, the testing flag of RFC 6376 §3.6.1: verifiers must not treat a failed signature
// differently from an unsigned message, so the key protects nothing while the flag stays.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { findTag, hasTrait, listValues, rereadDkimTxt } from '../email/dkim';
import { textLocation } from '../email/txtRecords';
import { removeTag, replaceTagValue } from '../edit/tags';
import { editFix } from '../edit/textEdit';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-testing', defaultSeverity: 'warning', summary: 't=y: receivers treat failures as unsigned mail.' },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      if (!hasTrait(entry, 'flags')) continue;
      const { record } = entry;
      const { text, parsed } = rereadDkimTxt(entry);
      const flags = findTag(parsed.tags, 't');
      if (flags === undefined || !listValues(flags).includes('y')) continue;
      const others = listValues(flags).filter((flag) => flag !== 'y');
      const tagged = { record, text };
      context.report({
        location: textLocation(record, text, flags.range),
        message: 't=y marks the key as in testing: verifiers treat a failed signature like no signature; remove y once signing works',
        fixes: editFix({
          title: others.length === 0 ? 'Remove t=y (signing works)' : `Remove y from ${flags.name}= (signing works)`,
          edit: others.length === 0 ? removeTag(tagged, flags) : replaceTagValue(tagged, flags, others.join(':')),
          isPreferred: true,
        }),
      });
    }
  },
};
