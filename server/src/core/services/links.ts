// Document links of a zone file: the file name of each `$INCLUDE` it holds, leading to the included file.

import type { Span } from '../types';
import type { Zone } from '../zone/model';

export interface IncludeLink {
  readonly span: Span;
  /** Absolute path of the included file. */
  readonly target: string;
}

export function includeLinks(zone: Zone, filePath: string): IncludeLink[] {
  return zone.includes.filter((directive) => directive.file.path === filePath).map((directive) => ({ span: directive.pathSpan, target: directive.target }));
}
