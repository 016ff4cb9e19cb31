// What a generator returns: a fix to apply (its edits, title and placeholder), or the reason it made none.

import type { Fix } from '../edit/textEdit';

export type Generated = { readonly kind: 'fix'; readonly fix: Fix } | { readonly kind: 'refused'; readonly reason: string };

export function refused(reason: string): Generated {
  return { kind: 'refused', reason };
}

export function generated(fix: Fix): Generated {
  return { kind: 'fix', fix };
}
