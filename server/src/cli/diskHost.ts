// An IncludeHost that reads `$INCLUDE` files from disk, only inside the given root folders.

import { readZoneText } from '../fileText';
import path from 'node:path';
import type { IncludeHost } from '../core/zone/parser';

export function diskIncludeHost(roots: readonly string[]): IncludeHost {
  return {
    readFile: (file) => {
      try {
        return readZoneText(file);
      } catch {
        return undefined;
      }
    },
    mayRead: (file) => roots.some((root) => isInside(file, root)),
  };
}

/** True when `file` is `root` itself or lies below it. */
export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
