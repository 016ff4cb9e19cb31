// zone-generate: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-generate',
    defaultSeverity: 'error',
    summary: 'A $GENERATE with an invalid range, step or modifier, or more records than the configured cap.',
  },
};
