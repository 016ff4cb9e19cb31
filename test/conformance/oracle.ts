// Running zonelint and BIND's named-checkzone/named-compilezone side by side on one zone file, and reducing both
// to comparable facts: accepted or rejected, and the set of records each loaded.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { diskIncludeHost } from '../../server/src/cli/diskHost';
import { DEFAULT_SETTINGS, parseSettings, SourceFile, ZonelintWorkspace } from '../../server/src/core/index';
import type { Settings } from '../../server/src/core/config';
import type { Diagnostic } from '../../server/src/core/lint';
import type { Zone } from '../../server/src/core/zone/model';
import { nameKey } from '../../server/src/core/zone/names';
import { parseZone } from '../../server/src/core/zone/parser';
import { typeName } from '../../server/src/core/zone/rrtypes';

export interface ConformanceCase {
  /** Stable id: the path under shared/corpora. */
  readonly id: string;
  readonly file: string;
  readonly origin: string;
  /** named-checkzone flags before the origin (9.18 flags only). */
  readonly checkzoneFlags: readonly string[];
  /** Folder named-checkzone runs in: BIND resolves relative $INCLUDE paths against it. */
  readonly cwd: string;
  /** zonelint settings that mirror the flags (e.g. -k fail makes zone-check-names an error). */
  readonly settings: Settings;
}

export interface BindVerdict {
  readonly accepted: boolean;
  readonly output: string;
}

export function runCheckzone(c: ConformanceCase): BindVerdict {
  const result = spawnSync('named-checkzone', [...c.checkzoneFlags, c.origin, c.file], { cwd: c.cwd, encoding: 'utf8', timeout: 60000 });
  if (result.error) throw result.error;
  return { accepted: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Records as named-compilezone prints them after loading: one canonical line per record. */
export function compileWithBind(c: ConformanceCase): string {
  const quiet = ['-i', 'none', '-k', 'ignore', '-n', 'ignore', '-m', 'ignore', '-M', 'ignore', '-S', 'ignore', '-W', 'ignore', '-r', 'ignore'];
  const result = spawnSync('named-compilezone', ['-q', '-s', 'full', ...quiet, '-o', '-', c.origin, c.file], { cwd: c.cwd, encoding: 'utf8', timeout: 60000 });
  if (result.error) throw result.error;
  return result.stdout;
}

export interface ZonelintVerdict {
  readonly accepted: boolean;
  readonly errors: readonly Diagnostic[];
  readonly zone: Zone;
}

export async function runZonelint(c: ConformanceCase, readRoot: string): Promise<ZonelintVerdict> {
  const workspace = new ZonelintWorkspace({ settings: c.settings, dns: 'off', host: diskIncludeHost([readRoot]) });
  workspace.setFile(c.file, readFileSync(c.file, 'utf8'), c.origin);
  const { diagnostics, zone } = await workspace.lint(c.file);
  // zonelint "rejects" a zone when it reports an error-severity zone-* diagnostic, as BIND refuses to load it.
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.ruleId.startsWith('zone-'));
  return { accepted: errors.length === 0, errors, zone };
}

/** The canonical record lines of a parsed zone: lower-case owner, TTL, type, wire rdata in hex; sorted, unique. */
export function canonicalRecords(zone: Zone): string[] {
  const lines = new Set<string>();
  for (const record of zone.records) {
    lines.add(`${nameKey(record.owner)} ${record.ttl} ${typeName(record.type)} ${Buffer.from(record.wire).toString('hex')}`);
  }
  return [...lines].sort();
}

/** Reads named-compilezone output with zonelint's own parser (it is a zone file too) into canonical lines. */
export function canonicalFromBindOutput(text: string, origin: string): string[] {
  const zone = parseZone({
    file: new SourceFile('<named-compilezone>', text),
    origin: origin.endsWith('.') ? origin : `${origin}.`,
    originSource: 'option',
    host: { readFile: () => undefined, mayRead: () => false },
    generateLimit: DEFAULT_SETTINGS.generateLimit,
  });
  return canonicalRecords(zone);
}

/** zonelint settings mirroring named-checkzone flags that change what counts as an error. */
export function settingsForFlags(flags: readonly string[]): Settings {
  const rules: Record<string, string> = {};
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === '-k' && flags[i + 1] === 'fail') rules['zone-check-names'] = 'error';
    if (flags[i] === '-k' && flags[i + 1] === 'ignore') rules['zone-check-names'] = 'off';
    if (flags[i] === '-i' && flags[i + 1] === 'none') {
      rules['zone-target-no-address'] = 'off';
      rules['zone-target-is-cname'] = 'off';
    }
  }
  return parseSettings({ rules, dns: 'off' }).settings;
}
