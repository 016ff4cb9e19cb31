// Go to definition in zone files: from a name in rdata (a CNAME, NS, MX or SRV target, an SPF `include:` domain)
// to where that name's records are written in a zone of the workspace, and from `$INCLUDE` to the included file.

import type { Location } from '../types';
import type { WorkspaceView } from '../workspace/view';
import type { Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { nameKey } from '../zone/names';
import { itemAt } from './locate';

export function definitionAt(input: { zone: Zone; filePath: string; offset: number; workspace: WorkspaceView }): Location[] {
  const item = itemAt(input.zone, input.filePath, input.offset);
  if (item === undefined) return [];
  switch (item.kind) {
    case 'target':
    case 'spf-domain':
      return whereNameIsWritten(item.name, input.workspace);
    case 'include': {
      const included = input.zone.files.find((file) => file.path === item.directive.target);
      return included === undefined ? [] : [{ file: included, span: { start: 0, end: 0 } }];
    }
    case 'owner':
    case 'type':
      return [];
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

/**
 * The places that start the records of a name: one per run of consecutive records (a name's records are usually
 * written together, and a second run elsewhere is worth seeing).
 */
function whereNameIsWritten(name: string, workspace: WorkspaceView): Location[] {
  const zone = workspace.zoneFor(name);
  if (zone === undefined) return [];
  if (recordsAt(zone, name).length === 0) return [];
  const key = nameKey(name);
  const locations: Location[] = [];
  let inRun = false;
  for (const record of zone.records) {
    const matches = nameKey(record.owner) === key;
    if (matches && !inRun) locations.push({ file: record.file, span: record.ownerSpan ?? record.typeSpan });
    inRun = matches;
  }
  return locations;
}
