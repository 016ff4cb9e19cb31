// The resolver rules use: names inside a workspace zone are answered from that zone (the file is the truth the
// user is editing, not what DNS serves today); other names go to DNS when allowed, else come back unresolved.

import type { Zone } from '../zone/model';
import type { LookupAnswer, Resolver } from './view';
import { answerFromZone, innermostZone } from './view';

export class WorkspaceResolver implements Resolver {
  constructor(
    private readonly zones: () => readonly Zone[],
    /** DNS behind the workspace; undefined when DNS is off or not allowed (an untrusted workspace). */
    private readonly dns: Resolver | undefined,
  ) {}

  async lookup(name: string, type: number): Promise<LookupAnswer> {
    const zone = innermostZone(this.zones(), name);
    if (zone !== undefined) return answerFromZone(zone, name, type);
    if (this.dns === undefined) return { kind: 'unresolved', reason: `${name} is outside the workspace zones and DNS lookups are off` };
    return this.dns.lookup(name, type);
  }
}
