// zone-bad-name: malformed names are reported by the zone reader (server/src/core/zone) while it reads the text;
// the check here adds what needs the whole record: an NSEC3 owner must start with an unpadded base32hex hash.

import { labelsOf } from '../zone/names';
import type { Rule } from './rule';
import { forEachRecordOfTypes } from './targets';

const TYPE_NSEC3 = 50;
const BASE32HEX_HASH = /^[0-9a-v]+$/i;
const DOT = 46;
const BACKSLASH = 92;

export const rule: Rule = {
  meta: {
    id: 'zone-bad-name',
    defaultSeverity: 'error',
    summary: 'A malformed name: an empty label, a label over 63 octets, a name over 255 octets, a bad escape.',
  },
  check(context) {
    forEachRecordOfTypes(context.zone, [TYPE_NSEC3], (record) => {
      if (startsWithHashLabel(record.owner)) return;
      context.report({
        location: { file: record.file, span: record.ownerSpan ?? record.typeSpan },
        message: `bad NSEC3 owner name ${record.owner}: its first label must be the base32hex hash without padding (RFC 5155 §3.3)`,
      });
    });
  },
};

/**
 * Whether the first label of a name is base32hex digits. A signed zone holds an NSEC3 record for each of its
 * names, so the label is read in place; only a name with an escape in it is decoded first.
 */
function startsWithHashLabel(name: string): boolean {
  let end = 0;
  for (; end < name.length; end++) {
    const c = name.charCodeAt(end);
    if (c === DOT) break;
    if (c === BACKSLASH) return BASE32HEX_HASH.test(labelsOf(name)[0] ?? '');
    if (!isBase32HexDigit(c)) return false;
  }
  return end > 0;
}

function isBase32HexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 86) || (c >= 97 && c <= 118);
}
