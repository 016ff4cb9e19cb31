// dkim-revoked: an empty `p=`, which RFC 6376 §3.6.1 defines as a revoked key: signatures that use this selector
// fail, which is right for a retired selector and wrong for one still signing.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { hasTrait, rereadDkimTxt } from '../email/dkim';
import { shown, textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-revoked', defaultSeverity: 'information', summary: 'An empty p=: the key is revoked.' },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      if (!hasTrait(entry, 'revoked')) continue;
      const { record } = entry;
      const { text, parsed } = rereadDkimTxt(entry);
      if (parsed.key.kind !== 'revoked') continue;
      context.report({
        location: textLocation(record, text, parsed.key.tag.range),
        message: `the key at ${shown(record.owner)} is revoked (empty p=): signatures with this selector fail; make sure nothing still signs with it`,
      });
    }
  },
};
