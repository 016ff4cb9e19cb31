// zone-bad-name: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-bad-name',
    defaultSeverity: 'error',
    summary: 'A malformed name: an empty label, a label over 63 octets, a name over 255 octets, a bad escape.',
  },
};
