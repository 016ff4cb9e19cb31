// zone-out-of-zone: reported by the zone reader (server/src/core/zone), which, like BIND, ignores records whose
// owner lies outside the zone; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'zone-out-of-zone', defaultSeverity: 'warning', summary: 'A record owner that is not at or below the origin.' },
};
