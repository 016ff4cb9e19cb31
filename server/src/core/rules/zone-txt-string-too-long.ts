// zone-txt-string-too-long: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-txt-string-too-long',
    defaultSeverity: 'error',
    summary: 'A character-string longer than 255 octets after unescaping.',
  },
};
