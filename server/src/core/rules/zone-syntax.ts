// zone-syntax: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-syntax',
    defaultSeverity: 'error',
    summary: 'A lexical or grammar error in the zone text: unbalanced parentheses or quotes, a bad escape, an unknown $ directive, a misplaced quote, missing or extra fields.',
  },
};
