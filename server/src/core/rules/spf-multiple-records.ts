// spf-multiple-records: a name with more than one SPF record makes every receiver return permerror
// (RFC 7208 §4.5), so none of them is used.

import { nameKey } from '../zone/names';
import type { ZoneSpfRecord } from '../email/spf/records';
import { spfRecordsOf } from '../email/spf/records';
import { zoneMail } from '../email/mailDomains';
import { wholeSpan } from '../email/recordText';
import type { Qualifier } from '../email/spf/parse';
import { isMechanism } from '../email/spf/parse';
import { deleteRecords } from '../edit/insert';
import type { Fix } from '../edit/textEdit';
import { rewriteTxt } from '../edit/txt';
import type { Zone } from '../zone/model';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-multiple-records', defaultSeverity: 'error', summary: 'More than one v=spf1 TXT record at one name (RFC 7208 §4.5: permerror).' },
  check(context) {
    // Most zones have one SPF record per name, which the mail pass, filing each SPF record under its name, tells.
    if (!zoneMail(context.zone).spfNameShared) return;
    const spfRecords = spfRecordsOf(context.zone);
    // Most names have one SPF record: it stands alone in the map, and a list is made only for a second one.
    const byOwner = new Map<string, ZoneSpfRecord | ZoneSpfRecord[]>();
    for (const spf of spfRecords) {
      const key = nameKey(spf.record.owner);
      const found = byOwner.get(key);
      if (found === undefined) {
        byOwner.set(key, spf);
        continue;
      }
      // Identical rdata is one record in DNS (zone-duplicate-record reports the repeat), so count distinct rdata.
      const list = Array.isArray(found) ? found : [found];
      if (!list.some((other) => sameRdata(other, spf))) list.push(spf);
      byOwner.set(key, list);
    }
    for (const records of byOwner.values()) {
      if (!Array.isArray(records) || records.length < 2) continue;
      const fixes = mergeFix(context.zone, records);
      for (const spf of records) {
        context.report({
          location: { file: spf.zone.record.file, span: wholeSpan(spf.zone.text) },
          message: `${spf.zone.record.owner} has ${records.length} SPF records: receivers return permerror and use none of them (RFC 7208 §4.5); merge them into one`,
          related: records
            .filter((other) => other !== spf)
            .map((other) => ({ location: { file: other.zone.record.file, span: wholeSpan(other.zone.text) }, message: 'another SPF record at this name' })),
          fixes,
        });
      }
    }
  },
};

/** From the most permissive to the strictest, for keeping the strictest `all`. */
const QUALIFIER_STRENGTH: Readonly<Record<Qualifier, number>> = { '+': 0, '?': 1, '~': 2, '-': 3 };

/**
 * One record with the union of the records' terms (each once, in order), modifiers after them, and the strictest
 * `all` last; a `redirect` goes when there is an `all`, which would shadow it. Records with syntax errors are not
 * merged: their broken terms would be lost without a word.
 */
function mergeFix(zone: Zone, records: readonly ZoneSpfRecord[]): Fix[] {
  if (records.some((spf) => spf.parsed.errors.length > 0)) return [];
  const terms = records.flatMap((spf) => spf.parsed.terms);
  const mechanisms: string[] = [];
  const modifiers: string[] = [];
  const seen = new Set<string>();
  let all: { text: string; strength: number } | undefined;
  const keep = (list: string[], text: string): void => {
    if (seen.has(text.toLowerCase())) return;
    seen.add(text.toLowerCase());
    list.push(text);
  };
  for (const term of terms) {
    if (term.kind === 'all') {
      const strength = QUALIFIER_STRENGTH[term.qualifier];
      if (all === undefined || strength > all.strength) all = { text: term.text, strength };
    } else if (isMechanism(term)) keep(mechanisms, term.text);
    else if (term.kind === 'unknown-modifier' || !modifiers.some((text) => text.toLowerCase().startsWith(`${term.kind}=`))) keep(modifiers, term.text);
  }
  const kept = all === undefined ? modifiers : modifiers.filter((text) => !/^redirect=/i.test(text));
  const merged = ['v=spf1', ...mechanisms, ...kept, ...(all === undefined ? [] : [all.text])].join(' ');
  const [first, ...others] = records;
  const rewrite = rewriteTxt(first.zone, merged);
  return [
    {
      title: `Merge the ${records.length} SPF records into one`,
      edits: [...(rewrite === undefined ? [] : [rewrite]), ...deleteRecords(zone, others.map((spf) => spf.zone.record))],
      isPreferred: true,
    },
  ];
}

function sameRdata(a: ZoneSpfRecord, b: ZoneSpfRecord): boolean {
  const left = a.zone.text.strings;
  const right = b.zone.text.strings;
  return left.length === right.length && left.every((s, i) => s.value === right[i].value);
}
