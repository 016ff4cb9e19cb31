// dkim-sha1: `h=` allows only sha1, which RFC 8301 §3.1 forbids signers to use and verifiers to accept, so
// every signature with this key fails.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { DKIM_HASH_ALGORITHMS, findTag, hasTrait, listValues, rereadDkimTxt } from '../email/dkim';
import { textLocation } from '../email/txtRecords';
import { removeTag, replaceTagValue } from '../edit/tags';
import { editFix } from '../edit/textEdit';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-sha1', defaultSeverity: 'warning', summary: 'h= allows only sha1 (RFC 8301: sha1 must not be used).' },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      if (!hasTrait(entry, 'hashes')) continue;
      const { record } = entry;
      const { text, parsed } = rereadDkimTxt(entry);
      const hashes = findTag(parsed.tags, 'h');
      if (hashes === undefined) continue;
      const known = listValues(hashes)
        .map((name) => name.toLowerCase())
        .filter((name) => DKIM_HASH_ALGORITHMS.has(name));
      if (known.length === 0 || known.some((name) => name !== 'sha1')) continue;
      context.report({
        location: textLocation(record, text, hashes.range),
        message: 'h= allows only sha1, which RFC 8301 forbids: verifiers reject rsa-sha1 signatures; write h=sha256 or drop h=',
        fixes: [
          ...editFix({ title: 'Change h= to sha256', edit: replaceTagValue({ record, text }, hashes, 'sha256'), isPreferred: true }),
          ...editFix({ title: 'Remove h= (every algorithm the verifier accepts)', edit: removeTag({ record, text }, hashes) }),
        ],
      });
    }
  },
};
