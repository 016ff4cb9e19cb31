// spf-rr-type: the SPF resource record type (99) was retired by RFC 7208 §3.1; receivers only query TXT.

import { nameKey } from '../zone/names';
import { spfRecordsOf, spfTypeRecordsOf } from '../email/spf/records';
import { deleteRecords } from '../edit/insert';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-rr-type', defaultSeverity: 'warning', summary: 'An SPF-type (99) record: RFC 7208 §3.1 retired the type, only TXT is used.' },
  check(context) {
    const spfTypeRecords = spfTypeRecordsOf(context.zone);
    if (spfTypeRecords.length === 0) return;
    const ownersWithTxt = new Set(spfRecordsOf(context.zone).map((spf) => nameKey(spf.record.owner)));
    for (const { record } of spfTypeRecords) {
      const hasTxt = ownersWithTxt.has(nameKey(record.owner));
      context.report({
        location: { file: record.file, span: record.typeSpan },
        message: hasTxt
          ? 'the SPF record type (99) is retired (RFC 7208 §3.1): receivers read only the TXT record at this name; delete this one'
          : 'the SPF record type (99) is retired (RFC 7208 §3.1) and there is no TXT SPF record at this name, so receivers find no SPF policy: publish it as TXT',
        fixes: [
          hasTxt
            ? { title: 'Delete this SPF-type record (the TXT record is the one receivers read)', edits: deleteRecords(context.zone, [record]), isPreferred: true, safe: true }
            : {
                title: 'Publish it as a TXT record',
                edits: [{ file: record.file, span: record.typeSpan, newText: /[a-z]/.test(record.file.text.slice(record.typeSpan.start, record.typeSpan.end)) ? 'txt' : 'TXT' }],
                isPreferred: true,
                safe: true,
              },
        ],
      });
    }
  },
};
