// dkim-obsolete-tag: a key-record tag that RFC 4871 defined and RFC 6376 dropped (g=); verifiers ignore it.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { hasTrait, OBSOLETE_DKIM_TAGS, rereadDkimTxt } from '../email/dkim';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-obsolete-tag', defaultSeverity: 'information', summary: 'An obsolete tag such as g=.' },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      if (!hasTrait(entry, 'obsoleteTag')) continue;
      const { record } = entry;
      const { text, parsed } = rereadDkimTxt(entry);
      for (const tag of parsed.tags) {
        const reason = OBSOLETE_DKIM_TAGS.get(tag.name);
        if (reason === undefined) continue;
        context.report({ location: textLocation(record, text, tag.range), message: `${reason}; remove \`${tag.name}=${tag.value}\`` });
      }
    }
  },
};
