// zone-duplicate-record: the same record written twice; servers keep one copy, so the second is noise or a typo.

import type { ResourceRecord } from '../zone/model';
import { nameKey } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'zone-duplicate-record', defaultSeverity: 'warning', summary: 'The same record appears twice.' },
  check(context) {
    const seen = new Map<string, ResourceRecord>();
    for (const record of context.zone.records) {
      if (record.generated) continue;
      const key = `${nameKey(record.owner)}/${record.type}/${Buffer.from(record.wire).toString('base64')}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, record);
        continue;
      }
      context.report({
        location: { file: record.file, span: record.span },
        message: `duplicate ${typeName(record.type)} record at ${record.owner}: the same data is already written above`,
        related: [{ location: { file: first.file, span: first.span }, message: 'the first copy' }],
      });
    }
  },
};
