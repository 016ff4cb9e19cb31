// zone-ttl-inherited: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-ttl-inherited',
    defaultSeverity: 'warning',
    summary: 'Records take the previous record\'s explicit TTL because there is no $TTL (RFC 1035 semantics).',
  },
};
