// Reference computations shared by the unit tests that check a fast path against the plain way of doing it.

import type { ResourceRecord } from '../../server/src/core/zone/model';
import { nameKey } from '../../server/src/core/zone/names';

/** The grouping the owner index replaces: records by `nameKey`, owners in the order they first appear. */
export function groupByKey(records: readonly ResourceRecord[]): Map<string, ResourceRecord[]> {
  const groups = new Map<string, ResourceRecord[]>();
  for (const record of records) {
    const key = nameKey(record.owner);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [record]);
    else group.push(record);
  }
  return groups;
}

/** A text cut into character-strings at the given places (each taken modulo the text's length + 1), as a zone file may write it. */
export function cutText(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const strings: string[] = [];
  let from = 0;
  for (const cut of at) {
    strings.push(text.slice(from, cut));
    from = cut;
  }
  strings.push(text.slice(from));
  return strings;
}
