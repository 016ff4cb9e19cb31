// zone-bad-rdata: reported by the zone reader (server/src/core/zone) while it reads the text; this file holds its metadata.

import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'zone-bad-rdata',
    defaultSeverity: 'error',
    summary: 'Record data that is invalid for its type: a bad address, a number out of range, bad base64 or hex, an RFC 3597 length mismatch.',
  },
};
