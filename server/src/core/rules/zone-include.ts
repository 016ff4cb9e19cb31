// zone-include: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-include',
    defaultSeverity: 'error',
    summary: 'An $INCLUDE file that is missing, unreadable, outside the workspace, part of a cycle or nested too deep.',
  },
};
