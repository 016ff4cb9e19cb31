// zone-bad-ttl: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-bad-ttl',
    defaultSeverity: 'error',
    summary: 'A TTL that is not a valid TTL (1h30, 30x, above 2^32-1); a warning for values from 2^31, which count as 0.',
  },
};
