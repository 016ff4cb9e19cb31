// Hover text for an SPF record: the tree of DNS lookups it costs (each term, its cost, who answered it) and the
// totals against the limits of RFC 7208 §4.6.4, from the same cached analysis the spf-* rules use.

import path from 'node:path';
import { MAX_DNS_TERMS, MAX_VOID_LOOKUPS } from '../email/spf/evaluate';
import type { RecordCost, SpfLookupAnalysis, TargetOutcome, TermCost } from '../email/spf/lookups';
import { MAX_RECORDS_READ } from '../email/spf/lookups';
import type { ZoneSpfRecord } from '../email/spf/records';
import { analysisOf, spfRecordsOf } from '../email/spf/records';
import type { WorkspaceView } from '../workspace/view';
import type { Zone } from '../zone/model';
import type { HoverText } from './hover';
import { recordAt } from './locate';

/** The most lines of the tree a hover shows; a wide include tree in DNS would otherwise fill the screen. */
const MAX_TREE_LINES = 60;

export interface RecordHoverInput {
  readonly zone: Zone;
  readonly filePath: string;
  readonly offset: number;
  readonly workspace: WorkspaceView;
}

/**
 * The lookup tree of the SPF record whose data contains `offset`, or undefined when the offset is not in the data
 * of an SPF record. Answered from the analysis cache after a lint, so a hover sends no new DNS query.
 */
export async function spfHoverAt(input: RecordHoverInput): Promise<HoverText | undefined> {
  const spf = spfRecordAt(input.zone, input.filePath, input.offset);
  if (spf === undefined) return undefined;
  const span = spf.record.rdataSpan;
  const heading = `**SPF record** of ${markdownCode(spf.domain)}`;
  // A record with syntax errors has no analysis, and asking for one would analyse the whole zone for nothing.
  const analysis = spf.parsed.errors.length > 0 ? undefined : await analysisOf(input.zone, input.workspace, spf);
  if (analysis === undefined) {
    return { span, markdown: `${heading}\n\nThe record has syntax errors (see spf-syntax): receivers return permerror, so its lookups are not counted.` };
  }
  return { span, markdown: `${heading}: ${totalsText(analysis)}\n\n${verdict(analysis)}\n\n${treeLines(analysis.root).join('\n')}` };
}

/** The SPF record (a TXT record starting `v=spf1`) written in `filePath` whose data contains `offset`. */
export function spfRecordAt(zone: Zone, filePath: string, offset: number): ZoneSpfRecord | undefined {
  const record = recordAt(zone, filePath, offset);
  if (record === undefined || offset < record.rdataSpan.start || offset > record.rdataSpan.end) return undefined;
  return spfRecordsOf(zone).find((spf) => spf.record === record);
}

/** `lookups N/10, void N/2`, with `≥` before counts that are lower bounds. */
export function totalsText(analysis: Pick<SpfLookupAnalysis, 'lookups' | 'voidLookups' | 'complete'>): string {
  const atLeast = analysis.complete ? '' : '≥';
  return `lookups ${atLeast}${analysis.lookups}/${MAX_DNS_TERMS}, void ${atLeast}${analysis.voidLookups}/${MAX_VOID_LOOKUPS}`;
}

function verdict(analysis: SpfLookupAnalysis): string {
  const sentences = ['Worst case: every term up to `all` is assumed reached, through every include and redirect (RFC 7208 §4.6.4).'];
  if (analysis.lookups > MAX_DNS_TERMS) sentences.push(`Over the limit of ${MAX_DNS_TERMS} lookups: receivers return permerror.`);
  if (analysis.voidLookups > MAX_VOID_LOOKUPS) sentences.push(`Over the limit of ${MAX_VOID_LOOKUPS} void lookups: receivers return permerror.`);
  if (!analysis.complete) sentences.push('Some targets were not resolved or depend on macros, so the counts are lower bounds.');
  return sentences.join(' ');
}

/** The evaluated terms as a nested markdown list, depth first, cut at MAX_TREE_LINES. */
function treeLines(root: RecordCost): string[] {
  const lines: string[] = [];
  let omitted = 0;
  const add = (depth: number, text: string): void => {
    if (lines.length < MAX_TREE_LINES) lines.push(`${'  '.repeat(depth)}- ${text}`);
    else omitted++;
  };
  const visit = (record: RecordCost, depth: number): void => {
    if (record.terms.length === 0) add(depth, 'no terms a receiver evaluates');
    for (const cost of record.terms) {
      add(depth, termLine(cost));
      const target = cost.target;
      if (target === undefined) continue;
      if (target.kind === 'record') visit(target.record, depth + 1);
      else {
        const why = targetProblem(target);
        if (why !== undefined) add(depth + 1, why);
      }
    }
  };
  visit(root, 0);
  if (omitted > 0) lines.push(`- … and ${omitted} more`);
  return lines;
}

/** One term: its text, what it costs, who answered it, and why when that needs saying. */
function termLine(cost: TermCost): string {
  const parts = [markdownCode(cost.term.text), costText(cost)];
  const answered = answeredText(cost);
  if (answered !== undefined) parts.push(answered);
  if (cost.isVoid) parts.push('void (no records)');
  if (cost.names !== undefined) parts.push(`${cost.names} MX name${cost.names === 1 ? '' : 's'} to look up`);
  if (cost.note !== undefined) parts.push(cost.note);
  return parts.join(' · ');
}

function costText(cost: TermCost): string {
  if (cost.cost === 0) return 'no lookup';
  if (cost.total === cost.cost) return '1 lookup';
  return `${cost.total} lookups (1 + ${cost.total - 1} in its record)`;
}

function answeredText(cost: TermCost): string | undefined {
  const answeredBy = cost.answeredBy;
  switch (answeredBy) {
    case 'zone': {
      // Name the file when the target's record was read from a zone, so the reader knows where to look.
      const target = cost.target;
      const file = target?.kind === 'record' ? target.record.source.zone?.record.file.path : undefined;
      return file === undefined ? 'zone file' : `zone file ${markdownCode(path.basename(file))}`;
    }
    case 'dns':
      return 'DNS';
    case 'unresolved':
      return 'unresolved';
    case 'error':
      return 'DNS error';
    case 'not-looked-up':
      // A note then says why (macros, the connecting address), and that the term counts anyway.
      return cost.note === undefined ? 'not looked up' : undefined;
    case 'no-lookup':
      return undefined;
    default: {
      const unreachable: never = answeredBy;
      return unreachable;
    }
  }
}

/** What went wrong with an include or redirect target that is not a usable record; undefined when the note says it. */
function targetProblem(target: Exclude<TargetOutcome, { kind: 'record' }>): string | undefined {
  switch (target.kind) {
    case 'no-record':
      return target.nxdomain ? `${markdownCode(target.domain)} does not exist: permerror` : `${markdownCode(target.domain)} has no SPF record: permerror`;
    case 'multiple':
      return `${markdownCode(target.domain)} has ${target.count} SPF records: permerror`;
    case 'broken':
      return `the SPF record of ${markdownCode(target.domain)} has syntax errors: permerror`;
    case 'loop':
      return `loop: ${target.chain.map(markdownCode).join(' → ')}`;
    case 'unresolved':
      return target.reason;
    case 'not-followed':
      return `${markdownCode(target.domain)} not followed: one analysis reads at most ${MAX_RECORDS_READ} SPF records`;
    case 'macro':
      return undefined;
    default: {
      const unreachable: never = target;
      return unreachable;
    }
  }
}

/** A markdown code span that holds any text, backticks included (CommonMark: a longer fence, padded). */
export function markdownCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return longestRun === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}
