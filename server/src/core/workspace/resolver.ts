// The resolver rules use: names inside a workspace zone are answered from that zone (the file is the truth the
// user is editing, not what DNS serves today); other names go to DNS when allowed, else come back unresolved.

import type { Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import type { LookupAnswer, NameRecords, Resolver } from './view';
import { answerFromZone, innermostZone } from './view';

/** A name with the innermost workspace zone that holds it (none when it lies outside them all) and its records there. */
export interface FoundName extends NameRecords {
  readonly zone: Zone | undefined;
}

export class WorkspaceResolver implements Resolver {
  /** By zones array, so a state's pinned resolver goes with its zones once the workspace has moved on. */
  private readonly pinnedByZones = new WeakMap<readonly Zone[], WorkspaceResolver>();

  constructor(
    private readonly zones: () => readonly Zone[],
    /** DNS behind the workspace; undefined when DNS is off or not allowed (an untrusted workspace). */
    private readonly dns: Resolver | undefined,
    /** The most lookups the checks of one record may pass on to DNS (the dnsQueryBudget setting). */
    readonly queryBudget: number,
  ) {}

  lookup(name: string, type: number): Promise<LookupAnswer> {
    return this.lookupFound(this.find(name), type);
  }

  answerNow(name: string, type: number): LookupAnswer | undefined {
    return this.workspaceAnswer(name, type);
  }

  /**
   * The zones the answers come from. The workspace replaces this array whenever a file or the settings change,
   * so it identifies one state of the workspace: anything computed from `workspaceAnswer` may be kept with it.
   */
  currentZones(): readonly Zone[] {
    return this.zones();
  }

  /**
   * This resolver held to the zones of this moment, the same object while they stay: work begun in one state of
   * the workspace (an analysis waiting for DNS, a tree rebuilt for a hover) then never mixes in a later one.
   */
  pinned(): WorkspaceResolver {
    const zones = this.zones();
    let pinned = this.pinnedByZones.get(zones);
    if (pinned === undefined) {
      pinned = new WorkspaceResolver(() => zones, this.dns, this.queryBudget);
      this.pinnedByZones.set(zones, pinned);
    }
    return pinned;
  }

  /**
   * The answer that depends on nothing but the workspace: from the innermost zone holding the name, or unresolved
   * when the name is outside them all and there is no DNS to ask. Undefined when only DNS can answer.
   */
  workspaceAnswer(name: string, type: number): LookupAnswer | undefined {
    return this.answerFound(this.find(name), type);
  }

  /** Where a name stands in the workspace. */
  find(name: string): FoundName {
    const zone = this.zoneOf(name);
    return { name, zone, records: zone === undefined ? [] : recordsAt(zone, name) };
  }

  /** The innermost workspace zone holding a name, whose records answer it; undefined when only DNS can. */
  zoneOf(name: string): Zone | undefined {
    return innermostZone(this.zones(), name);
  }

  /** `workspaceAnswer` for a name already found. */
  answerFound(found: FoundName, type: number): LookupAnswer | undefined {
    if (found.zone !== undefined) return answerFromZone(found.zone, found, type);
    return this.dns === undefined ? dnsOff(found.name) : undefined;
  }

  /** `lookup` for a name already found. */
  lookupFound(found: FoundName, type: number): Promise<LookupAnswer> {
    if (found.zone !== undefined) return Promise.resolve(answerFromZone(found.zone, found, type));
    if (this.dns === undefined) return Promise.resolve(dnsOff(found.name));
    return this.dns.lookup(found.name, type);
  }

  /**
   * A resolver for the checks of one record: the same answers, except that once `queryBudget` lookups have gone
   * to DNS the rest come back unresolved, so a hostile include tree cannot make one lint send hundreds of
   * queries. Lookups the DNS cache answers count too: a record's findings then do not change as the cache warms.
   */
  withQueryBudget(): Resolver {
    return new OneRecordResolver(this);
  }
}

/** The budgeted view `withQueryBudget` gives, one per record checked. */
class OneRecordResolver implements Resolver {
  private used = 0;
  /**
   * The name asked last: the lookup counts ask A, AAAA and MX of a record's own name in a row, and this finds
   * its zone and records once. It lives as long as the record's checks.
   */
  private lastFound: FoundName | undefined;

  constructor(private readonly workspace: WorkspaceResolver) {}

  answerNow(name: string, type: number): LookupAnswer | undefined {
    return this.workspace.answerFound(this.find(name), type) ?? (this.used >= this.workspace.queryBudget ? this.overBudget(name) : undefined);
  }

  lookup(name: string, type: number): Promise<LookupAnswer> {
    const found = this.find(name);
    const known = this.workspace.answerFound(found, type);
    if (known !== undefined) return Promise.resolve(known);
    if (this.used >= this.workspace.queryBudget) return Promise.resolve(this.overBudget(name));
    this.used++;
    return this.workspace.lookupFound(found, type);
  }

  private find(name: string): FoundName {
    if (this.lastFound === undefined || this.lastFound.name !== name) this.lastFound = this.workspace.find(name);
    return this.lastFound;
  }

  private overBudget(name: string): LookupAnswer {
    const budget = this.workspace.queryBudget;
    return { kind: 'unresolved', reason: `${name} was not looked up: the checks of this record spent their dnsQueryBudget of ${budget} DNS lookups` };
  }
}

function dnsOff(name: string): LookupAnswer {
  return { kind: 'unresolved', reason: `${name} is outside the workspace zones and DNS lookups are off` };
}

/** The resolver for the checks of one record: a workspace resolver's budgeted view, any other resolver as it is. */
export function resolverForOneRecord(resolver: Resolver): Resolver {
  return resolver instanceof WorkspaceResolver ? resolver.withQueryBudget() : resolver;
}
