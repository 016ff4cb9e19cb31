// The public face of the analysis core: a workspace of zone files that parses each once per version, lints it
// with every rule against the other zones, and answers the questions both front ends (CLI, language server) ask.

import type { Settings } from './config';
import { DEFAULT_SETTINGS } from './config';
import type { LintOutput } from './lint';
import { lintZone } from './lint';
import { SourceFile } from './types';
import { DnsResolver } from './workspace/dns';
import { WorkspaceResolver } from './workspace/resolver';
import type { Resolver, WorkspaceView } from './workspace/view';
import { innermostZone } from './workspace/view';
import type { Zone } from './zone/model';
import { inferOrigin } from './zone/origin';
import type { IncludeHost } from './zone/parser';
import { parseZone } from './zone/parser';

export type { Settings } from './config';
export { DEFAULT_SETTINGS, parseSettings } from './config';
export type { Diagnostic } from './lint';
export type { Finding, Severity, Span } from './types';
export { SourceFile } from './types';
export type { IncludeHost } from './zone/parser';
export type { Zone, ResourceRecord } from './zone/model';
export { ALL_RULES } from './rules';
export { docsUrl } from './rules/rule';

export interface WorkspaceOptions {
  readonly settings?: Settings;
  readonly host: IncludeHost;
  /** Overrides the DNS resolver built from the settings (tests, or a client that forbids DNS). */
  readonly dns?: Resolver | 'off';
  /**
   * The front end never asks for fixes (the CLI): the findings keep none, which spares a large zone's lint an
   * object or two per finding. Asking a finding for its fixes then throws.
   */
  readonly withoutFixes?: boolean;
}

interface FileEntry {
  readonly file: SourceFile;
  readonly explicitOrigin: string | undefined;
  zone: Zone | undefined;
}

export class ZonelintWorkspace {
  private readonly entries = new Map<string, FileEntry>();
  private settings: Settings;
  private resolver: Resolver;
  private zonesCache: Zone[] | undefined;
  private readonly view: WorkspaceView;

  constructor(private readonly options: WorkspaceOptions) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.resolver = this.makeResolver();
    const zones = (): readonly Zone[] => this.zones();
    const resolver = (): Resolver => this.resolver;
    this.view = {
      get zones() {
        return zones();
      },
      zoneFor: (name) => innermostZone(zones(), name),
      get resolver() {
        return resolver();
      },
    };
  }

  /** The resolver rules use (workspace zones first, then DNS as the settings allow); also for the `spf` command. */
  getResolver(): Resolver {
    return this.resolver;
  }

  /** What rules see of the workspace. */
  getView(): WorkspaceView {
    return this.view;
  }

  getSettings(): Settings {
    return this.settings;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    this.resolver = this.makeResolver();
    for (const entry of this.entries.values()) entry.zone = undefined;
    this.zonesCache = undefined;
  }

  /** Adds or replaces a zone file (an open editor buffer, or a file read from disk). */
  setFile(filePath: string, text: string, explicitOrigin?: string): void {
    const previous = this.entries.get(filePath);
    if (previous !== undefined && previous.file.text === text && previous.explicitOrigin === explicitOrigin) return;
    this.entries.set(filePath, { file: new SourceFile(filePath, text), explicitOrigin, zone: undefined });
    this.invalidateIncluders(filePath);
  }

  deleteFile(filePath: string): void {
    this.entries.delete(filePath);
    this.invalidateIncluders(filePath);
  }

  hasFile(filePath: string): boolean {
    return this.entries.has(filePath);
  }

  filePaths(): string[] {
    return [...this.entries.keys()];
  }

  /** The parsed zone of a file, parsed once per text version. */
  zone(filePath: string): Zone | undefined {
    const entry = this.entries.get(filePath);
    if (entry === undefined) return undefined;
    if (entry.zone === undefined) {
      const guess = inferOrigin({ filePath, text: entry.file.text, explicit: entry.explicitOrigin, mappings: this.settings.origins });
      entry.zone = parseZone({ file: entry.file, origin: guess.origin, originSource: guess.source, host: this.options.host, generateLimit: this.settings.generateLimit });
    }
    return entry.zone;
  }

  /**
   * The zones of the workspace: every file except those another file `$INCLUDE`s (they are part of that zone).
   * Kept until a file or the settings change, because every lookup of every rule asks for it.
   */
  zones(): Zone[] {
    if (this.zonesCache === undefined) {
      const all = [...this.entries.keys()].map((filePath) => this.zone(filePath)!);
      const included = new Set<string>();
      for (const zone of all) for (const file of zone.files.slice(1)) included.add(file.path);
      this.zonesCache = all.filter((zone) => !included.has(zone.file.path));
    }
    return this.zonesCache;
  }

  /** True when the file is read only as part of another zone (through `$INCLUDE`). */
  isIncludedElsewhere(filePath: string): boolean {
    for (const [other, entry] of this.entries) {
      if (other === filePath) continue;
      const zone = entry.zone ?? this.zone(other);
      if (zone?.files.some((file, index) => index > 0 && file.path === filePath)) return true;
    }
    return false;
  }

  /** The zone files whose zone reads `filePath` (itself, and every file that includes it). */
  zonesReading(filePath: string): string[] {
    const readers: string[] = [];
    for (const [path, entry] of this.entries) {
      if (path === filePath || entry.zone?.files.some((file) => file.path === filePath)) readers.push(path);
    }
    return readers;
  }

  /** Lints one zone file; its diagnostics may lie in the files it includes too. */
  async lint(filePath: string): Promise<LintOutput & { zone: Zone }> {
    const zone = this.zone(filePath);
    if (zone === undefined) throw new Error(`not a workspace file: ${filePath}`);
    const output = await lintZone({ zone, workspace: this.view, settings: this.settings, withoutFixes: this.options.withoutFixes });
    return { ...output, zone };
  }

  private invalidateIncluders(filePath: string): void {
    this.zonesCache = undefined;
    for (const entry of this.entries.values()) {
      if (entry.zone?.files.some((file) => file.path === filePath)) entry.zone = undefined;
    }
  }

  private makeResolver(): Resolver {
    let dns: Resolver | undefined;
    if (this.options.dns !== undefined && this.options.dns !== 'off') dns = this.options.dns;
    else if (this.options.dns === undefined && this.settings.dns === 'live') {
      dns = new DnsResolver({ server: this.settings.dnsServer, timeoutMs: this.settings.dnsTimeoutMs });
    }
    return new WorkspaceResolver(() => this.zones(), dns, this.settings.dnsQueryBudget);
  }
}
