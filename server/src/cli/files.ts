// Finding the zone files the CLI is pointed at, and the project file `.zonelint.json` that applies to them.
// Which names count as zone files is shared with the language server's workspace index (core/services/zoneFiles).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { matchesGlob } from '../core/glob';
import { looksLikeZoneText, SKIPPED_FOLDERS, ZONE_SNIFF_BYTES, zoneFileKind } from '../core/services/zoneFiles';

export const CONFIG_FILE_NAME = '.zonelint.json';

/**
 * The zone files under a directory: `*.zone` always; `db.*`, `*.db` and the config's origin globs only when their
 * head looks like a zone file, since those names also fit other databases.
 */
export function findZoneFiles(directory: string, originGlobs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (stat === undefined) continue;
      if (stat.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(full);
        continue;
      }
      if (!stat.isFile()) continue;
      const kind = zoneFileKind(name);
      if (kind === 'zone') found.push(full);
      else if ((kind === 'sniff' || originGlobs.some((glob) => matchesGlob(glob, full))) && looksLikeZone(full)) found.push(full);
    }
  };
  walk(directory);
  return found;
}

function looksLikeZone(file: string): boolean {
  try {
    return looksLikeZoneText(readFileSync(file).subarray(0, ZONE_SNIFF_BYTES).toString('latin1'));
  } catch {
    return false;
  }
}

/** The nearest `.zonelint.json` in `directory` or a parent, if any. */
export function findConfigFile(directory: string): string | undefined {
  let dir = path.resolve(directory);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
