// The `N/10 DNS lookups` hint shown after every SPF record of a file: the worst-case count of RFC 7208 §4.6.4 from
// the cached lookup analysis, with `≥` when some target was not resolved and the count is a lower bound.

import { MAX_DNS_TERMS, MAX_VOID_LOOKUPS } from '../email/spf/evaluate';
import { analyzedSpfRecords } from '../email/spf/records';
import type { Span } from '../types';
import type { WorkspaceView } from '../workspace/view';
import type { Zone } from '../zone/model';
import { totalsText } from './spfHover';

export interface SpfLookupHint {
  /** Just after the record's data, where an editor draws the hint. */
  readonly offset: number;
  /** `3/10 DNS lookups`, or `≥3/10 DNS lookups` for a lower bound. */
  readonly label: string;
  /** Plain text for the hint's tooltip: both totals and what they mean. */
  readonly tooltip: string;
}

/**
 * One hint per SPF record written in `filePath` (records with syntax errors have none: spf-syntax reports them),
 * in file order; with `within`, only the hints whose offset lies in that span.
 */
export async function spfLookupHints(input: { zone: Zone; filePath: string; workspace: WorkspaceView; within?: Span }): Promise<SpfLookupHint[]> {
  const hints: SpfLookupHint[] = [];
  for (const analysis of await analyzedSpfRecords(input.zone, input.workspace)) {
    const record = analysis.spf.record;
    if (record.file.path !== input.filePath || record.generated) continue;
    const offset = record.rdataSpan.end;
    if (input.within !== undefined && (offset < input.within.start || offset > input.within.end)) continue;
    const atLeast = analysis.complete ? '' : '≥';
    const overLimit = analysis.lookups > MAX_DNS_TERMS || analysis.voidLookups > MAX_VOID_LOOKUPS;
    const meaning = overLimit ? 'over a limit, so receivers return permerror' : analysis.complete ? 'within the limits' : 'some targets were not resolved, so the counts are lower bounds';
    hints.push({
      offset,
      label: `${atLeast}${analysis.lookups}/${MAX_DNS_TERMS} DNS lookups`,
      tooltip: `SPF ${totalsText(analysis)}, worst case through every include and redirect (RFC 7208 §4.6.4): ${meaning}. Hover the record for the lookup tree.`,
    });
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
