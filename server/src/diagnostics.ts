// Keeps the Problems view in step with the zones of the open documents: checks a zone shortly after its text
// changes (later edits restart the wait, and a check overtaken by a newer edit is dropped), publishes each
// diagnostic under the file it is in (an `$INCLUDE`d file gets its own), re-checks the open zones that read names
// of a changed zone, and clears what belongs to zones no longer open.

import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Zone, ZonelintWorkspace } from './core';
import { dependsOn } from './core/services/dependencies';
import type { SpfLookupSummary } from './core/services/status';
import { apexSpfLookups, zoneSummary } from './core/services/status';
import type { OpenDocuments } from './documents';
import type { ZoneStatusParams } from './protocol';
import { ZONE_STATUS_NOTIFICATION } from './protocol';
import { runDetached } from './runSafe';
import { toDiagnostic } from './toLsp';

export interface ZoneCheckerOptions {
  readonly connection: Connection;
  readonly workspace: ZonelintWorkspace;
  readonly documents: OpenDocuments;
  /** How long a zone must stay unchanged before it is checked. */
  readonly delayMs: number;
  readonly log: (message: string) => void;
}

export class ZoneChecker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped on every change of a zone; a check whose generation is stale when it ends is dropped. */
  private readonly generations = new Map<string, number>();
  /** Zone file, then file path, to the diagnostics published for it. */
  private readonly published = new Map<string, Map<string, LspDiagnostic[]>>();
  /** Checks wait until the settings are known, so no DNS query goes out before the user's `dns` setting is read. */
  private started = false;

  constructor(private readonly options: ZoneCheckerOptions) {}

  /** Starts checking (and checks every open zone) once the settings are in place. */
  start(): void {
    this.started = true;
    this.recheckAll();
  }

  /**
   * A file's text changed (edited, opened, closed, changed on disk or deleted): re-check the open zones it can
   * affect. `formerReaders` are the zones that read it before the change (a deleted file has none after).
   */
  fileChanged(filePath: string, formerReaders: readonly Zone[] = []): void {
    const changed = [...formerReaders, ...this.zonesReading(filePath)];
    const changedFiles = new Set(changed.map((zone) => zone.file.path));
    for (const zoneFile of this.openZoneFiles()) {
      if (changedFiles.has(zoneFile)) {
        this.schedule(zoneFile);
        continue;
      }
      const zone = this.options.workspace.zone(zoneFile);
      if (zone !== undefined && changed.some((other) => dependsOn(zone, other))) this.schedule(zoneFile);
    }
    this.dropClosedZones();
  }

  recheckAll(): void {
    for (const zoneFile of this.openZoneFiles()) this.schedule(zoneFile);
    this.dropClosedZones();
  }

  /** The zones that read a file: its own zone, or the zones that `$INCLUDE` it. */
  zonesReading(filePath: string): Zone[] {
    return this.options.workspace.zones().filter((zone) => zone.files.some((file) => file.path === filePath));
  }

  private openZoneFiles(): Set<string> {
    const zoneFiles = new Set<string>();
    for (const filePath of this.options.documents.openPaths()) {
      for (const zone of this.zonesReading(filePath)) zoneFiles.add(zone.file.path);
    }
    return zoneFiles;
  }

  private schedule(zoneFile: string): void {
    this.generations.set(zoneFile, (this.generations.get(zoneFile) ?? 0) + 1);
    if (!this.started) return;
    clearTimeout(this.timers.get(zoneFile));
    const timer = setTimeout(() => {
      this.timers.delete(zoneFile);
      runDetached({ name: `checking ${zoneFile}`, log: this.options.log, task: () => this.check(zoneFile) });
    }, this.options.delayMs);
    this.timers.set(zoneFile, timer);
  }

  private async check(zoneFile: string): Promise<void> {
    const generation = this.generations.get(zoneFile);
    const { workspace, documents } = this.options;
    if (!workspace.hasFile(zoneFile)) return;
    const started = Date.now();
    const output = await workspace.lint(zoneFile);
    if (this.generations.get(zoneFile) !== generation || !this.openZoneFiles().has(zoneFile)) return;
    for (const error of output.internalErrors) this.options.log(`internal error: ${error}`);
    const byFile = new Map<string, LspDiagnostic[]>(output.zone.files.map((file) => [file.path, []]));
    for (const diagnostic of output.diagnostics) byFile.get(diagnostic.file.path)?.push(toDiagnostic(diagnostic, documents.uriOf));
    const spfLookups = await apexSpfLookups(output.zone, workspace.getView());
    if (this.generations.get(zoneFile) !== generation) return;
    this.publish(zoneFile, byFile);
    this.sendStatus(output.zone, spfLookups);
    this.options.log(`checked ${zoneFile}: ${output.diagnostics.length} problems in ${Date.now() - started} ms`);
  }

  private dropClosedZones(): void {
    const open = this.openZoneFiles();
    for (const zoneFile of [...this.published.keys()]) {
      if (!open.has(zoneFile)) this.publish(zoneFile, new Map());
    }
  }

  /** Replaces one zone's diagnostics and republishes every file they touched before or touch now. */
  private publish(zoneFile: string, byFile: Map<string, LspDiagnostic[]>): void {
    const touched = new Set([...(this.published.get(zoneFile)?.keys() ?? []), ...byFile.keys()]);
    if (byFile.size === 0) this.published.delete(zoneFile);
    else this.published.set(zoneFile, byFile);
    for (const filePath of touched) {
      const diagnostics: LspDiagnostic[] = [];
      for (const perFile of this.published.values()) diagnostics.push(...(perFile.get(filePath) ?? []));
      const document = this.options.documents.byPath(filePath);
      void this.options.connection.sendDiagnostics({ uri: this.options.documents.uriOf(filePath), version: document?.version, diagnostics });
    }
  }

  private sendStatus(zone: Zone, spfLookups: SpfLookupSummary | undefined): void {
    const summary = zoneSummary(zone);
    for (const file of zone.files) {
      if (!this.options.documents.isOpen(file.path)) continue;
      const params: ZoneStatusParams = {
        uri: this.options.documents.uriOf(file.path),
        origin: summary.origin ?? null,
        originSource: summary.originSource,
        recordCount: summary.recordCount,
        spfLookups: spfLookups ?? null,
      };
      void this.options.connection.sendNotification(ZONE_STATUS_NOTIFICATION, params);
    }
  }
}
