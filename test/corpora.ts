// Where the shared acceptance corpora live (../shared/corpora from the project root), with a clear failure when
// they are absent: the tests read them in place and never copy them into the project.

import { existsSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = findProjectRoot();
export const CORPORA_ROOT = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpora');

/** Absolute path of a file or folder inside the shared corpora; throws when the corpora are missing. */
export function corpusPath(...parts: string[]): string {
  const full = path.join(CORPORA_ROOT, ...parts);
  if (!existsSync(full)) {
    throw new Error(
      `Acceptance corpus not found: ${full}. The tests read shared/corpora beside the project ` +
        `(../shared/corpora from ${PROJECT_ROOT}); check out the shared folder next to the project.`,
    );
  }
  return full;
}

function findProjectRoot(): string {
  // Tests run from the project root (npm test), but compiled copies may live elsewhere; walk up from both.
  for (const start of [process.cwd(), __dirname]) {
    let dir = start;
    for (;;) {
      if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'server', 'src', 'core'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return process.cwd();
}
