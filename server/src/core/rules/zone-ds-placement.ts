// zone-ds-placement: a DS record belongs to the parent side of a delegation (RFC 4034 §5): never at the zone's
// own apex, and only where an NS record delegates the name.

import type { Location } from '../types';
import type { ResourceRecord } from '../zone/model';
import { recordsAt } from '../zone/model';
import { nameKey } from '../zone/names';
import type { Rule } from './rule';
import { forEachRecordOfTypes } from './targets';

const TYPE_DS = 43;
const TYPE_NS = 2;

export const rule: Rule = {
  meta: { id: 'zone-ds-placement', defaultSeverity: 'error', summary: 'A DS record at the zone apex, or at a name that is not delegated (RFC 4034 §5).' },
  check(context) {
    const { zone } = context;
    if (zone.origin === undefined) return;
    const apex = nameKey(zone.origin);
    forEachRecordOfTypes(zone, [TYPE_DS], (record) => {
      if (nameKey(record.owner) === apex) {
        context.report({ location: ownerLocation(record), message: `DS record at top of zone (${zone.origin}): a zone's DS records are published in its parent zone` });
      } else if (!recordsAt(zone, record.owner).some((other) => other.type === TYPE_NS)) {
        context.report({ location: ownerLocation(record), message: `DS not at delegation point: ${record.owner} has no NS records, so this DS secures nothing` });
      }
    });
  },
};

/** Where a finding on a record's owner goes; read only for a finding, as the spans may be built on each read. */
function ownerLocation(record: ResourceRecord): Location {
  return { file: record.file, span: record.ownerSpan ?? record.typeSpan };
}
