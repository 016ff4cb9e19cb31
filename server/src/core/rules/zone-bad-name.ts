// zone-bad-name: malformed names are reported by the zone reader (server/src/core/zone) while it reads the text;
// the check here adds what needs the whole record: an NSEC3 owner must start with an unpadded base32hex hash.

import { labelsOf } from '../zone/names';
import type { Rule } from './rule';

const TYPE_NSEC3 = 50;
const BASE32HEX_HASH = /^[0-9a-v]+$/i;

export const rule: Rule = {
  meta: {
    id: 'zone-bad-name',
    defaultSeverity: 'error',
    summary: 'A malformed name: an empty label, a label over 63 octets, a name over 255 octets, a bad escape.',
  },
  check(context) {
    for (const record of context.zone.records) {
      if (record.type !== TYPE_NSEC3) continue;
      const first = labelsOf(record.owner)[0] ?? '';
      if (BASE32HEX_HASH.test(first)) continue;
      context.report({
        location: { file: record.file, span: record.ownerSpan ?? record.typeSpan },
        message: `bad NSEC3 owner name ${record.owner}: its first label must be the base32hex hash without padding (RFC 5155 §3.3)`,
      });
    }
  },
};
