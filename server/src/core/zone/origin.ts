// Origin inference, in the order cli.md gives: an explicit option or config mapping, the file's first absolute
// $ORIGIN, an absolute SOA owner, then the file name (example.com.zone, example.com.db, db.example.com, example.com).

import path from 'node:path';
import { matchesGlob } from '../glob';
import type { OriginSource } from './model';
import { parseName, ROOT } from './names';

export interface OriginGuess {
  readonly origin: string | undefined;
  readonly source: OriginSource;
}

const HEAD_BYTES = 65536;

export function inferOrigin(input: { filePath: string; text: string; explicit?: string; mappings: Readonly<Record<string, string>> }): OriginGuess {
  if (input.explicit !== undefined) {
    const origin = absolute(input.explicit);
    if (origin !== undefined) return { origin, source: 'option' };
  }
  for (const [glob, mapped] of Object.entries(input.mappings)) {
    if (!matchesGlob(glob, input.filePath)) continue;
    const origin = absolute(mapped);
    if (origin !== undefined) return { origin, source: 'config' };
  }
  // Only the head of the file is searched: both directives and the SOA come first in real zones.
  const head = input.text.slice(0, HEAD_BYTES);
  const directive = /^\$ORIGIN[ \t]+([^\s;]+)/im.exec(head);
  if (directive !== null && directive[1].endsWith('.') && !directive[1].endsWith('\\.')) {
    const origin = absolute(directive[1]);
    if (origin !== undefined) return { origin, source: '$ORIGIN' };
  }
  const soa = /^([^\s;$][^\s;]*\.)[ \t]+(?:[^\n;]*?[ \t])?SOA[ \t(]/im.exec(head);
  if (soa !== null) {
    const origin = absolute(soa[1]);
    if (origin !== undefined) return { origin, source: 'SOA owner' };
  }
  const fromName = originFromFileName(input.filePath);
  if (fromName !== undefined) return { origin: fromName, source: 'file name' };
  return { origin: undefined, source: 'unknown' };
}

/** `example.com.zone`, `example.com.db`, `db.example.com` and a bare `example.com` name their zone. */
export function originFromFileName(filePath: string): string | undefined {
  const base = path.basename(filePath);
  let candidate: string | undefined;
  if (/\.(zone|db)$/i.test(base)) candidate = base.replace(/\.(zone|db)$/i, '');
  else if (/^db\./i.test(base)) candidate = base.slice(3);
  else if (base.includes('.')) candidate = base;
  // Only a name of two or more labels is taken as a domain: `db.local` or `zone1.db` say too little.
  if (candidate === undefined || !/^[a-z0-9_-]+(\.[a-z0-9_-]+)+\.?$/i.test(candidate)) return undefined;
  return absolute(candidate);
}

function absolute(text: string): string | undefined {
  const withDot = text.endsWith('.') ? text : text + '.';
  const parsed = parseName(withDot, ROOT);
  return parsed.name;
}
