// The extent of every entry of a file, kept per file text: a suppression comment silences the whole record after
// it, and the "disable" fix writes its comment above the whole record, however many lines the record spans.

import type { SourceFile, Span } from '../types';
import { entryExtents } from './lexer';

const extentCache = new WeakMap<SourceFile, readonly Span[]>();

/** The entry extents of a file, in order; lexed once per file text unless the parser already noted them. */
export function extentsOf(file: SourceFile): readonly Span[] {
  let extents = extentCache.get(file);
  if (extents === undefined) {
    extents = entryExtents(file.text);
    extentCache.set(file, extents);
  }
  return extents;
}

/** Keeps the extents the parser noted while reading the file, so they are not lexed a second time. */
export function rememberExtents(file: SourceFile, extents: readonly Span[]): void {
  extentCache.set(file, extents);
}
