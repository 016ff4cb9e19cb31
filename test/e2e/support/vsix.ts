// The packaged extension for the tests: `npm run package` (vsce 3, after the production bundle) once per test run,
// the development bundle rebuilt afterwards, and a reader for the file list of the .vsix (a zip archive).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../corpora';
import type { Sandbox } from './sandbox';

export const VSIX_PATH = path.join(PROJECT_ROOT, '.cache', 'test-vsix', 'zonelint.vsix');

let packaged: string | undefined;

/** Packages the extension into .cache/test-vsix (once per process) and returns the .vsix path. */
export function packageExtension(sandbox: Sandbox): string {
  if (packaged !== undefined) return packaged;
  mkdirSync(path.dirname(VSIX_PATH), { recursive: true });
  const run = spawnSync('npm', ['run', 'package', '--', '-o', VSIX_PATH], { cwd: PROJECT_ROOT, env: sandbox.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(`npm run package failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  // The production bundle replaced dist/; the other tiers and developers expect the development one with maps.
  const rebuild = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (rebuild.status !== 0) throw new Error(`node esbuild.mjs failed: ${rebuild.stderr}`);
  packaged = VSIX_PATH;
  return packaged;
}

export interface ZipEntry {
  readonly name: string;
  readonly size: number;
}

/** The entries of a zip archive, read from its central directory. */
export function listZip(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`${file}: bad central directory entry ${i}`);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
