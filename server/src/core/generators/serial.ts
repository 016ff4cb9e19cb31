// The "Bump SOA serial" generator: the zone's serial moved forward in the scheme it uses.

import { bumpSerialEdit, serialScheme, soaOf } from '../edit/serial';
import type { Zone } from '../zone/model';
import type { Generated } from './generated';
import { generated, refused } from './generated';

export function bumpSoaSerial(options: { zone: Zone; now: Date }): Generated {
  const edit = bumpSerialEdit(options.zone, options.now);
  const soa = soaOf(options.zone);
  if (edit === undefined || soa === undefined || soa.data.kind !== 'soa') return refused('the zone has no single SOA record whose serial could be bumped');
  return generated({ title: `Bump SOA serial ${soa.data.serial} → ${edit.newText} (${serialScheme(soa.data.serial, options.now)})`, edits: [edit] });
}
