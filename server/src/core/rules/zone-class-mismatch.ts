// zone-class-mismatch: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-class-mismatch',
    defaultSeverity: 'error',
    summary: 'A record\'s class differs from the zone\'s class.',
  },
};
