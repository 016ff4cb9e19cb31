// The hover on one SPF term, DMARC tag or DKIM tag at the LSP edge: the core's term hover at a position, as an
// LSP hover over the term.

import type { Hover, Position } from 'vscode-languageserver/node';
import type { SourceFile, Zone } from './core';
import { termHoverAt } from './core/services/termHover';
import { toHover } from './toLsp';

export function provideTermHover(input: { zone: Zone; file: SourceFile; position: Position }): Hover | null {
  const { zone, file } = input;
  const hover = termHoverAt({ zone, filePath: file.path, offset: file.offsetAt(input.position) });
  return hover === undefined ? null : toHover(hover, file);
}
