// zone-unknown-type: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-unknown-type',
    defaultSeverity: 'error',
    summary: 'An RR type that is neither a known mnemonic nor TYPEnnn, or a meta-type used as data.',
  },
};
