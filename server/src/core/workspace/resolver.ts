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
    /** The most lookups the checks of one record may pass on to DNS (the dnsQueryBudget setting). */
    private readonly queryBudget: number,
  ) {}

  lookup(name: string, type: number): Promise<LookupAnswer> {
    return this.resolve(name, type, undefined);
  }

  /**
   * A resolver for the checks of one record: the same answers, except that once `queryBudget` lookups have gone
   * to DNS the rest come back unresolved, so a hostile include tree cannot make one lint send hundreds of
   * queries. Lookups the DNS cache answers count too: a record's findings then do not change as the cache warms.
   */
  withQueryBudget(): Resolver {
    const budget = { used: 0 };
    return { lookup: (name, type) => this.resolve(name, type, budget) };
  }

  private async resolve(name: string, type: number, budget: { used: number } | undefined): Promise<LookupAnswer> {
    const zone = innermostZone(this.zones(), name);
    if (zone !== undefined) return answerFromZone(zone, name, type);
    if (this.dns === undefined) return { kind: 'unresolved', reason: `${name} is outside the workspace zones and DNS lookups are off` };
    if (budget !== undefined) {
      if (budget.used >= this.queryBudget) {
        return { kind: 'unresolved', reason: `${name} was not looked up: the checks of this record spent their dnsQueryBudget of ${this.queryBudget} DNS lookups` };
      }
      budget.used++;
    }
    return this.dns.lookup(name, type);
  }
}

/** The resolver for the checks of one record: a workspace resolver's budgeted view, any other resolver as it is. */
export function resolverForOneRecord(resolver: Resolver): Resolver {
  return resolver instanceof WorkspaceResolver ? resolver.withQueryBudget() : resolver;
}
