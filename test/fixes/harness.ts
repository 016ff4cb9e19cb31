// The "apply and re-lint" helpers for fix tests: lint a zone, pick a finding's fix, apply its edits to the text
// (and to the other workspace files it touches), compare with the expected text, and lint again to check that the
// finding went away and that no new error appeared.

import assert from 'node:assert/strict';
import type { Fix } from '../../server/src/core/edit/textEdit';
import { applyEdits, editsByFile } from '../../server/src/core/edit/textEdit';
import { parseSettings } from '../../server/src/core/config';
import type { Generated } from '../../server/src/core/generators';
import { ZonelintWorkspace } from '../../server/src/core/index';
import type { Diagnostic } from '../../server/src/core/lint';
import type { Zone } from '../../server/src/core/zone/model';
import type { LintOptions } from '../harness';
import { lintText } from '../harness';

/** The path `lintText` gives the zone under test unless told otherwise. */
export const MAIN_PATH = '/work/zones/example.com.zone';

export interface FixCase {
  /** The zone text before the fix. */
  readonly before: string;
  readonly ruleId: string;
  /** The fix to apply, by its title (a RegExp matches part of it); the preferred fix when left out. */
  readonly title?: string | RegExp;
  /** Which finding of the rule, 1 for the first in source order. */
  readonly occurrence?: number;
  /** The zone text after the fix. */
  readonly after: string;
  /** The other workspace files after the fix, by path, for fixes that edit them. */
  readonly afterFiles?: Readonly<Record<string, string>>;
  readonly lint?: LintOptions;
  /** False for fixes that deliberately leave the finding (a first stage of a rollout, say). */
  readonly removesFinding?: boolean;
}

/** Runs one fix case: the text after the fix, the finding gone, and no new error. */
export async function checkFix(testCase: FixCase): Promise<void> {
  const options = testCase.lint ?? {};
  const path = options.path ?? MAIN_PATH;
  const before = await lintText(testCase.before, options);
  const diagnostic = findingOf(before, testCase.ruleId, testCase.occurrence ?? 1);
  const fix = pickFix(diagnostic, testCase.title);
  const files = applyFix(fix, { ...(options.files ?? {}), [path]: testCase.before });
  assert.equal(files[path], testCase.after, `the text after "${fix.title}"`);
  for (const [otherPath, expected] of Object.entries(testCase.afterFiles ?? {})) assert.equal(files[otherPath], expected, `${otherPath} after "${fix.title}"`);
  const { [path]: text, ...others } = files;
  const after = await lintText(text, { ...options, files: others });
  if (testCase.removesFinding !== false) {
    assert.ok(
      count(after, testCase.ruleId) < count(before, testCase.ruleId),
      `"${fix.title}" left ${testCase.ruleId}:\n${after.filter((d) => d.ruleId === testCase.ruleId).map((d) => d.message).join('\n')}`,
    );
  }
  assertNoNewErrors(before, after, fix.title);
}

/** Asserts that a finding is offered no fix with this title (or no preferred fix). */
export async function checkNoFix(options: { before: string; ruleId: string; title?: string | RegExp; lint?: LintOptions }): Promise<void> {
  const diagnostic = findingOf(await lintText(options.before, options.lint ?? {}), options.ruleId, 1);
  const found = diagnostic.fixes.find((fix) => matches(fix, options.title));
  assert.equal(found, undefined, `unexpected fix "${found?.title}"`);
}

/** The fixes offered for the n-th finding of a rule, for tests that look at titles, commands or flags. */
export async function fixesOf(options: { before: string; ruleId: string; occurrence?: number; lint?: LintOptions }): Promise<readonly Fix[]> {
  return findingOf(await lintText(options.before, options.lint ?? {}), options.ruleId, options.occurrence ?? 1).fixes;
}

/** The parsed zone of a text, as `lintText` would read it (origin example.com. unless told otherwise). */
export function zoneOf(text: string, options: LintOptions = {}): Zone {
  const path = options.path ?? MAIN_PATH;
  const files: Record<string, string> = { ...(options.files ?? {}), [path]: text };
  const workspace = new ZonelintWorkspace({
    settings: parseSettings({ dns: 'off' }).settings,
    dns: 'off',
    host: { readFile: (file) => files[file], mayRead: (file) => file.startsWith('/work/') },
  });
  workspace.setFile(path, text, 'origin' in options ? options.origin : 'example.com.');
  return workspace.zone(path)!;
}

/**
 * Runs a generator on a zone, compares the text it makes with `after`, and lints both texts: the generated one may
 * carry no error the first did not.
 */
export async function checkGenerated(options: { before: string; generate: (zone: Zone) => Generated; after: string; lint?: LintOptions }): Promise<void> {
  const lint = options.lint ?? {};
  const path = lint.path ?? MAIN_PATH;
  const result = options.generate(zoneOf(options.before, lint));
  assert.equal(result.kind, 'fix', result.kind === 'refused' ? result.reason : '');
  if (result.kind !== 'fix') return;
  const files = applyFix(result.fix, { ...(lint.files ?? {}), [path]: options.before });
  assert.equal(files[path], options.after, `the text after "${result.fix.title}"`);
  assertNoNewErrors(await lintText(options.before, lint), await lintText(files[path], lint), result.fix.title);
}

/** Applies a fix's edits to the files (text by path); files it does not touch come back unchanged. */
export function applyFix(fix: Pick<Fix, 'edits'>, files: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...files };
  for (const [filePath, { file, edits }] of editsByFile(fix.edits)) {
    assert.equal(out[filePath] ?? file.text, file.text, `the fix was made for another text of ${filePath}`);
    out[filePath] = applyEdits(file.text, edits);
  }
  return out;
}

/** Asserts that every error after an edit was there before it (counted per rule id). */
export function assertNoNewErrors(before: readonly Diagnostic[], after: readonly Diagnostic[], what: string): void {
  const errorsBefore = new Map<string, number>();
  for (const d of before) if (d.severity === 'error') errorsBefore.set(d.ruleId, (errorsBefore.get(d.ruleId) ?? 0) + 1);
  const errorsAfter = new Map<string, number>();
  for (const d of after) if (d.severity === 'error') errorsAfter.set(d.ruleId, (errorsAfter.get(d.ruleId) ?? 0) + 1);
  for (const [id, n] of errorsAfter) {
    const detail = after.filter((d) => d.ruleId === id).map((d) => `${d.file.positionAt(d.span.start).line + 1}: ${d.message}`).join('\n');
    assert.ok(n <= (errorsBefore.get(id) ?? 0), `"${what}" introduced ${id}:\n${detail}`);
  }
}

export function findingOf(diagnostics: readonly Diagnostic[], ruleId: string, occurrence: number): Diagnostic {
  const found = diagnostics.filter((d) => d.ruleId === ruleId)[occurrence - 1];
  assert.ok(found !== undefined, `no ${ruleId} finding #${occurrence}; found: ${diagnostics.map((d) => d.ruleId).join(', ') || 'none'}`);
  return found;
}

function pickFix(diagnostic: Diagnostic, title: string | RegExp | undefined): Fix {
  const found = diagnostic.fixes.filter((fix) => matches(fix, title));
  const wanted = title === undefined ? 'a preferred fix' : `a fix titled ${String(title)}`;
  assert.equal(found.length, 1, `${diagnostic.ruleId} should offer exactly ${wanted}; it offers: ${diagnostic.fixes.map((fix) => `${fix.isPreferred ? '* ' : ''}${fix.title}`).join(' | ')}`);
  return found[0];
}

function matches(fix: Fix, title: string | RegExp | undefined): boolean {
  if (title === undefined) return fix.isPreferred === true;
  return typeof title === 'string' ? fix.title === title : title.test(fix.title);
}

function count(diagnostics: readonly Diagnostic[], ruleId: string): number {
  return diagnostics.filter((d) => d.ruleId === ruleId).length;
}
