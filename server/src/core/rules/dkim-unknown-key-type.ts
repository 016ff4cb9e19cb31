// dkim-unknown-key-type: a `k=` value other than rsa (RFC 6376 §3.6.1) or ed25519 (RFC 8463); verifiers cannot
// use the key, so every signature with it fails.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { hasTrait, knownKeyType, rereadDkimTxt } from '../email/dkim';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-unknown-key-type', defaultSeverity: 'error', summary: 'A k= value other than rsa or ed25519.' },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      if (!hasTrait(entry, 'unknownKeyType')) continue;
      const { record } = entry;
      const { text, parsed } = rereadDkimTxt(entry);
      const tag = parsed.keyTypeTag;
      if (tag === undefined || knownKeyType(parsed) !== undefined) continue;
      const hint = /^(rsa|ed25519)-sha/i.test(tag.value) ? ` (k= names the key type alone: k=${tag.value.split('-')[0].toLowerCase()})` : '';
      context.report({
        location: textLocation(record, text, tag.value === '' ? tag.range : tag.valueRange),
        message: `\`k=${tag.value}\` is not a key type verifiers know: use rsa or ed25519${hint}`,
      });
    }
  },
};
