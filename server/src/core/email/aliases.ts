// The CNAMEs that hand a mail record over to another name (`<selector>._domainkey` to a provider's key,
// `_dmarc` to a reporting service): their targets hold DKIM keys or DMARC records although their names do not
// say so, which the misplaced-record rules must know.

import type { ResourceRecord } from '../zone/model';
import { nameKey } from '../zone/names';
import type { WorkspaceView } from '../workspace/view';
import { dmarcPlacement } from './dmarc';
import { dkimKeyName } from './dkim';
import { TYPE_CNAME } from './txtRecords';

export interface MailAlias {
  readonly kind: 'dkim' | 'dmarc';
  readonly cname: ResourceRecord;
}

/** The `_domainkey` and `_dmarc` CNAMEs of the workspace that point at `name`. */
export function mailAliasesTo(workspace: WorkspaceView, name: string): readonly MailAlias[] {
  let index = workspaceCache.get(workspace);
  if (index === undefined) {
    index = new Map();
    for (const zone of workspace.zones) {
      for (const record of zone.records) {
        if (record.type !== TYPE_CNAME || record.data.kind !== 'target') continue;
        const kind = dkimKeyName(record.owner) !== undefined ? 'dkim' : dmarcPlacement(record.owner).kind === 'policy' ? 'dmarc' : undefined;
        if (kind === undefined) continue;
        const key = nameKey(record.data.target);
        const list = index.get(key);
        if (list === undefined) index.set(key, [{ kind, cname: record }]);
        else list.push({ kind, cname: record });
      }
    }
    workspaceCache.set(workspace, index);
  }
  return index.get(nameKey(name)) ?? [];
}

const workspaceCache = new WeakMap<WorkspaceView, Map<string, MailAlias[]>>();
