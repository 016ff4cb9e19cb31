// zone-no-owner: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-no-owner',
    defaultSeverity: 'error',
    summary: 'A record with a blank owner before any owner was given.',
  },
};
