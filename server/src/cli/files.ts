// Finding the zone files the CLI is pointed at, and the project file `.zonelint.json` that applies to them.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { matchesGlob } from '../core/glob';

export const CONFIG_FILE_NAME = '.zonelint.json';
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
const SNIFF_BYTES = 4096;

/**
 * The zone files under a directory: `*.zone` always; `db.*`, `*.db` and the config's origin globs only when their
 * head looks like a zone file (a directive or an SOA, no NUL byte), since those names also fit other databases.
 */
export function findZoneFiles(directory: string, originGlobs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (stat === undefined) continue;
      if (stat.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(name)) walk(full);
        continue;
      }
      if (!stat.isFile()) continue;
      if (/\.zone$/i.test(name)) found.push(full);
      else if ((/^db\./i.test(name) || /\.db$/i.test(name) || originGlobs.some((glob) => matchesGlob(glob, full))) && looksLikeZone(full)) found.push(full);
    }
  };
  walk(directory);
  return found;
}

function looksLikeZone(file: string): boolean {
  let head: string;
  try {
    head = readFileSync(file).subarray(0, SNIFF_BYTES).toString('latin1');
  } catch {
    return false;
  }
  if (head.includes('\0')) return false;
  return /^\$(ORIGIN|TTL|INCLUDE|GENERATE)\b/im.test(head) || /\sSOA[\s(]/i.test(head);
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
