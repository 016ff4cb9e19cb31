// dmarc-unknown-tag: a tag RFC 9989 does not define; receivers ignore it (§4.7), so it is usually a typo of one
// that is meant to work.

import { DMARC_TAGS, REMOVED_DMARC_TAGS } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dmarc-unknown-tag', defaultSeverity: 'warning', summary: 'A DMARC record has a tag receivers do not know.' },
  check(context) {
    for (const { record, text, parsed } of dmarcIndex(context.zone).withUnknownTag) {
      for (const tag of parsed.tags) {
        if (DMARC_TAGS.has(tag.key) || REMOVED_DMARC_TAGS.has(tag.key)) continue;
        const guess = closestTag(tag.key);
        const hint = guess === undefined ? '' : `; did you mean ${guess}=?`;
        context.report({
          location: textLocation(record, text, tag.nameRange),
          message: `\`${tag.name}=\` is not a DMARC tag: receivers ignore it${hint}`,
        });
      }
    }
  },
};

/** The known tag one edit (or one swap of neighbours) away, if exactly one is. */
function closestTag(key: string): string | undefined {
  const close = [...DMARC_TAGS].filter((known) => known.length > 1 && editDistance(key, known) === 1);
  return close.length === 1 ? close[0] : undefined;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}
