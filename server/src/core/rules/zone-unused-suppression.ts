// zone-unused-suppression: a `; zonelint-disable...` comment that silences nothing (reported by the lint engine,
// which applies suppressions); this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-unused-suppression',
    defaultSeverity: 'hint',
    summary: 'A zonelint-disable comment that silences nothing, or names an unknown rule.',
  },
};
