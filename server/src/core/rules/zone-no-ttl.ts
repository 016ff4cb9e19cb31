// zone-no-ttl: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-no-ttl',
    defaultSeverity: 'error',
    summary: 'No TTL can be determined for a record: no $TTL, no earlier explicit TTL, and it is not the SOA.',
  },
};
