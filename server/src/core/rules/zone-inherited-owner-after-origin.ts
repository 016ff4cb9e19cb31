// zone-inherited-owner-after-origin: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-inherited-owner-after-origin',
    defaultSeverity: 'warning',
    summary: 'A blank-owner record right after $ORIGIN keeps the previous, already absolute owner.',
  },
};
