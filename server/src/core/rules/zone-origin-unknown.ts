// zone-origin-unknown: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-origin-unknown',
    defaultSeverity: 'warning',
    summary: 'The zone\'s origin cannot be determined from the options, $ORIGIN, an absolute SOA owner or the file name.',
  },
};
