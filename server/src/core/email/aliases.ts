// The CNAMEs that hand a mail record over to another name (`<selector>._domainkey` to a provider's key,
// `_dmarc` to a reporting service): their targets hold DKIM keys or DMARC records although their names do not
// say so, which the misplaced-record rules and the key checks must know.

import type { Zone } from '../zone/model';
import { nameKey } from '../zone/names';
import type { WorkspaceView } from '../workspace/view';
import { dmarcPlacement } from './dmarc';
import type { DkimTxt } from './dkim';
import { dkimKeyName, dkimTxt } from './dkim';
import { dkimKeyRecords, zoneMail } from './mailDomains';
import { TYPE_TXT } from './txtRecords';

/** What a CNAME hands over: a DKIM key (from a selector name) or a DMARC record (from a `_dmarc` name). */
export type MailAliasKind = 'dkim' | 'dmarc';

/** The `_domainkey` and `_dmarc` CNAMEs of a workspace, by target. */
export class MailAliasIndex {
  private readonly byTarget = new Map<string, Set<MailAliasKind>>();

  /** Built from each zone's own index, which is cached with the zone (a zone is replaced when its file changes). */
  constructor(workspace: WorkspaceView) {
    for (const zone of workspace.zones) {
      for (const [key, kinds] of zoneAliases(zone)) {
        const merged = this.byTarget.get(key);
        if (merged === undefined) this.byTarget.set(key, new Set(kinds));
        else for (const kind of kinds) merged.add(kind);
      }
    }
  }

  get isEmpty(): boolean {
    return this.byTarget.size === 0;
  }

  /** True when a CNAME of this kind points at `name`. */
  has(name: string, kind: MailAliasKind): boolean {
    return this.byTarget.get(nameKey(name))?.has(kind) ?? false;
  }
}

/**
 * The key records the dkim-* rules check in a zone: the TXT records at `<selector>._domainkey` names, and those a
 * selector CNAME of the workspace points at (a provider's zone keeps keys at names of its own choosing).
 */
export function checkedDkimRecords(zone: Zone, aliases: MailAliasIndex): readonly DkimTxt[] {
  const atKeyNames = dkimKeyRecords(zone);
  if (aliases.isEmpty) return atKeyNames;
  const list = [...atKeyNames];
  for (const record of zone.records) {
    if (record.type !== TYPE_TXT || !aliases.has(record.owner, 'dkim') || dkimKeyName(record.owner) !== undefined) continue;
    const entry = dkimTxt(record);
    if (entry !== undefined) list.push(entry);
  }
  return list;
}

/** The mail aliases of a zone by target, from the CNAMEs its mail pass (`zoneMail`) keeps. */
function zoneAliases(zone: Zone): ReadonlyMap<string, ReadonlySet<MailAliasKind>> {
  let index = zoneCache.get(zone);
  if (index === undefined) {
    index = new Map();
    for (const record of zoneMail(zone).cnames) {
      if (record.data.kind !== 'target') continue;
      const kind = aliasKind(record.owner);
      if (kind === undefined) continue;
      const key = nameKey(record.data.target);
      const kinds = index.get(key);
      if (kinds === undefined) index.set(key, new Set([kind]));
      else kinds.add(kind);
    }
    zoneCache.set(zone, index);
  }
  return index;
}

function aliasKind(owner: string): MailAliasKind | undefined {
  const lower = owner.toLowerCase();
  if (lower.includes('_domainkey') && dkimKeyName(owner) !== undefined) return 'dkim';
  if (lower.startsWith('_dmarc.') && dmarcPlacement(owner).kind === 'policy') return 'dmarc';
  return undefined;
}

const zoneCache = new WeakMap<Zone, Map<string, Set<MailAliasKind>>>();
