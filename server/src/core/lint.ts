// The lint engine: runs every enabled rule on a parsed zone, applies the user's severities and the suppression
// comments, and returns final diagnostics in source order. A rule that throws is contained and reported, never
// allowed to take the others down.

import type { Settings } from './config';
import { buildSuppressions, parseDirectives } from './directives';
import { disableFix } from './edit/disable';
import type { Fix } from './edit/textEdit';
import type { Suppression } from './directives';
import { ALL_RULES } from './rules';
import type { Rule, RuleReport } from './rules/rule';
import { docsUrl } from './rules/rule';
import type { Finding, RelatedInformation, Severity, SourceFile, Span } from './types';
import type { WorkspaceView } from './workspace/view';
import type { Zone } from './zone/model';

export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: SourceFile;
  readonly span: Span;
  readonly related: readonly RelatedInformation[];
  readonly docsUrl: string;
  /** The rule's fixes, then "Disable <id> for this line" (absent only where no comment can silence the finding). */
  readonly fixes: readonly Fix[];
}


export interface LintOutput {
  readonly diagnostics: Diagnostic[];
  /** Rules that threw: a bug in zonelint, logged by the front end. */
  readonly internalErrors: string[];
}

const KNOWN_IDS = new Set(ALL_RULES.map((rule) => rule.meta.id));
const RULES_BY_ID = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule]));

export async function lintZone(input: {
  zone: Zone;
  workspace: WorkspaceView;
  settings: Settings;
  rules?: readonly Rule[];
  /** No front end will ask for the findings' fixes (the CLI): none are kept. */
  withoutFixes?: boolean;
}): Promise<LintOutput> {
  const { zone, settings } = input;
  const keepFixes = input.withoutFixes !== true;
  const rules = input.rules ?? ALL_RULES;
  const internalErrors: string[] = [];
  const findings: LintDiagnostic[] = [];
  for (const finding of zone.parseFindings) addFinding(findings, keepFixes ? withParseFixes(finding, zone, internalErrors) : finding, settings, keepFixes);
  if (zone.origin === undefined) {
    const message =
      'the zone origin is unknown: add $ORIGIN, name the file after the zone (example.com.zone), or map it in the origins setting; relative names are read against the root';
    addFinding(findings, { ruleId: 'zone-origin-unknown', severity: 'warning', message, location: { file: zone.file, span: { start: 0, end: firstLineEnd(zone.file.text) } } }, settings, keepFixes);
  }
  for (const rule of rules) {
    const ruleId = rule.meta.id;
    const configured = settings.rules[ruleId];
    if (rule.check === undefined || configured === 'off') continue;
    const defaultSeverity = rule.meta.defaultSeverity;
    const context = {
      zone,
      workspace: input.workspace,
      // Each report becomes its diagnostic at once: a large zone has hundreds of thousands, and every object kept
      // from the rules to the output is work for the garbage collector.
      report: (report: RuleReport) =>
        findings.push(
          new LintDiagnostic({
            ruleId,
            severity: configured ?? report.severity ?? defaultSeverity,
            message: report.message,
            file: report.location.file,
            span: report.location.span,
            related: report.related,
            // A rule that reports on every record passes a closure here, with the values it closes over: kept
            // with each finding, they would be hundreds of thousands of objects more for the collector to move.
            fixes: keepFixes ? report.fixes : FIXES_NOT_KEPT,
          }),
        ),
    };
    try {
      await rule.check(context);
    } catch (error) {
      internalErrors.push(`rule ${rule.meta.id} failed on ${zone.file.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const diagnostics = applySuppressions(zone, findings, settings, keepFixes);
  diagnostics.sort((a, b) => (a.file.path === b.file.path ? a.start - b.start || a.end - b.end : a.file.path < b.file.path ? -1 : 1));
  return { diagnostics, internalErrors };
}

/** Adds a finding made outside a rule's check (by the parser or the engine), with the severity the settings give. */
function addFinding(findings: LintDiagnostic[], finding: Finding & { readonly fixes?: readonly Fix[] }, settings: Settings, keepFixes: boolean): void {
  const configured = settings.rules[finding.ruleId];
  if (configured === 'off') return;
  const { ruleId, message, related, fixes } = finding;
  findings.push(new LintDiagnostic({ ruleId, severity: configured ?? finding.severity, message, file: finding.location.file, span: finding.location.span, related, fixes: keepFixes ? fixes : FIXES_NOT_KEPT }));
}

/** A parser finding with the fixes its rule file offers for it; a fixer that throws costs only its fixes. */
function withParseFixes(finding: Finding, zone: Zone, internalErrors: string[]): Finding & { readonly fixes?: readonly Fix[] } {
  const fixer = RULES_BY_ID.get(finding.ruleId)?.fixParseFinding;
  if (fixer === undefined) return finding;
  try {
    const fixes = fixer(finding, zone);
    return fixes.length === 0 ? finding : { ...finding, fixes };
  } catch (error) {
    internalErrors.push(`fixes of ${finding.ruleId} failed on ${zone.file.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return finding;
  }
}

/**
 * The findings no suppression comment covers, then findings about the comments themselves (unknown ids, unused
 * suppressions), which are not subject to directives.
 */
function applySuppressions(zone: Zone, findings: LintDiagnostic[], settings: Settings, keepFixes: boolean): LintDiagnostic[] {
  const suppressionsByFile = new Map<SourceFile, Suppression[]>();
  const directiveFindings: LintDiagnostic[] = [];
  for (const file of zone.files) {
    const directives = parseDirectives(file, zone.comments.get(file) ?? []);
    if (directives.length === 0) continue;
    suppressionsByFile.set(file, buildSuppressions(file, directives));
    for (const directive of directives) {
      for (const id of directive.ids) {
        if (!KNOWN_IDS.has(id)) addFinding(directiveFindings, unusedFinding(file, directive.span, `unknown rule id '${id}' in a zonelint directive`), settings, keepFixes);
      }
    }
  }
  if (suppressionsByFile.size === 0) return findings;
  const kept = findings.filter((finding) => !isSuppressed(finding, suppressionsByFile));
  for (const [file, suppressions] of suppressionsByFile) {
    for (const suppression of suppressions) {
      if (suppression.used || !KNOWN_IDS.has(suppression.id) || settings.rules[suppression.id] === 'off') continue;
      const message = `this zonelint-${suppression.directive.kind} comment silences no ${suppression.id} finding; remove it`;
      addFinding(directiveFindings, unusedFinding(file, suppression.directive.span, message), settings, keepFixes);
    }
  }
  return kept.concat(directiveFindings);
}

/**
 * A diagnostic as the engine hands it out. Its fixes, with "Disable <id> for this line" appended, are built when a
 * front end asks for them (code actions), not for each of the hundreds of thousands of findings a large zone can
 * have: the CLI never asks. A class keeps that getter on the prototype instead of a closure per diagnostic.
 */
class LintDiagnostic implements Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: SourceFile;
  /** The ends of the span, kept as numbers so that the span object a rule reported is not kept with the finding. */
  readonly start: number;
  readonly end: number;
  readonly related: readonly RelatedInformation[];
  private readonly ruleFixes: RuleReport['fixes'];
  private allFixes: readonly Fix[] | undefined;

  constructor(init: {
    readonly ruleId: string;
    readonly severity: Severity;
    readonly message: string;
    readonly file: SourceFile;
    readonly span: Span;
    readonly related: readonly RelatedInformation[] | undefined;
    readonly fixes: RuleReport['fixes'];
  }) {
    this.ruleId = init.ruleId;
    this.severity = init.severity;
    this.message = init.message;
    this.file = init.file;
    this.start = init.span.start;
    this.end = init.span.end;
    this.related = init.related ?? NO_RELATED;
    this.ruleFixes = init.fixes;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get docsUrl(): string {
    return docsUrl(this.ruleId);
  }

  get fixes(): readonly Fix[] {
    if (this.ruleFixes === FIXES_NOT_KEPT) throw new Error('the fixes of a finding linted without fixes (withoutFixes) were asked for');
    if (this.allFixes === undefined) {
      const disable = disableFix({ ruleId: this.ruleId, file: this.file, span: this.span });
      const ruleFixes = (typeof this.ruleFixes === 'function' ? this.ruleFixes() : this.ruleFixes) ?? NO_FIXES;
      this.allFixes = disable === undefined ? ruleFixes : [...ruleFixes, disable];
    }
    return this.allFixes;
  }
}

const NO_RELATED: readonly RelatedInformation[] = Object.freeze([]);
/** Stands for the fixes of a finding when none are kept; asking for them is a front end's bug. */
const FIXES_NOT_KEPT: readonly Fix[] = Object.freeze([]);
const NO_FIXES: readonly Fix[] = Object.freeze([]);

/**
 * Whether a suppression covers the finding, marking the suppression used. Suppressions are indexed per file and
 * rule id, sorted by start, so a file with thousands of directives and findings is still checked in O(n log n).
 */
function isSuppressed(finding: Pick<Diagnostic, 'ruleId' | 'file' | 'span'>, suppressionsByFile: ReadonlyMap<SourceFile, Suppression[]>): boolean {
  const suppressions = suppressionsByFile.get(finding.file);
  if (suppressions === undefined) return false;
  const byId = indexById(suppressions);
  const candidates = byId.get(finding.ruleId);
  if (candidates === undefined) return false;
  const position = finding.span.start;
  // The candidates starting at or before the finding, nearest first; the first that still covers it wins.
  let low = 0;
  let high = candidates.list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candidates.list[mid].range.start <= position) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0 && candidates.maxEndBefore[i] > position; i--) {
    const candidate = candidates.list[i];
    if (position < candidate.range.end) {
      candidate.used = true;
      return true;
    }
  }
  return false;
}

interface IdIndex {
  readonly list: Suppression[];
  /** For each position in `list`, the largest range end among it and the entries before it: a stop condition. */
  readonly maxEndBefore: number[];
}

const idIndexes = new WeakMap<Suppression[], Map<string, IdIndex>>();

function indexById(suppressions: Suppression[]): Map<string, IdIndex> {
  let index = idIndexes.get(suppressions);
  if (index === undefined) {
    const built = new Map<string, IdIndex>();
    for (const suppression of [...suppressions].sort((a, b) => a.range.start - b.range.start)) {
      let entry = built.get(suppression.id);
      if (entry === undefined) built.set(suppression.id, (entry = { list: [], maxEndBefore: [] }));
      const previous = entry.maxEndBefore.length > 0 ? entry.maxEndBefore[entry.maxEndBefore.length - 1] : -1;
      entry.list.push(suppression);
      entry.maxEndBefore.push(Math.max(previous, suppression.range.end));
    }
    index = built;
    idIndexes.set(suppressions, index);
  }
  return index;
}

function unusedFinding(file: SourceFile, span: Span, message: string): Finding {
  return { ruleId: 'zone-unused-suppression', severity: RULES_BY_ID.get('zone-unused-suppression')!.meta.defaultSeverity, message, location: { file, span } };
}

function firstLineEnd(text: string): number {
  const end = text.search(/[\r\n]/);
  return end < 0 ? text.length : end;
}
