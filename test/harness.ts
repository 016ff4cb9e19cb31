// Test helpers: lint an annotated zone snippet and compare the findings with its caret annotations.
//
// An annotation is a comment line under the line it describes, with carets under the exact range:
//   www  A  1.2.3
//   ;       ^^^^^ error: zone-bad-rdata
// Several annotations may follow one line; annotation lines are ordinary comments, so the zone stays valid.
// A range that starts at column 0 is written with the carets right after the `;` (`;^^^` marks columns 0-2).

import assert from 'node:assert/strict';
import type { Settings } from '../server/src/core/config';
import { parseSettings } from '../server/src/core/config';
import { ZonelintWorkspace } from '../server/src/core/index';
import type { Diagnostic } from '../server/src/core/lint';

export interface LintOptions {
  readonly origin?: string;
  readonly path?: string;
  /** Extra files of the workspace (other zones, included files), by absolute path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly settings?: Record<string, unknown>;
}

export async function lintText(text: string, options: LintOptions = {}): Promise<Diagnostic[]> {
  const path = options.path ?? '/work/zones/example.com.zone';
  const files: Record<string, string> = { ...(options.files ?? {}), [path]: text };
  const settings: Settings = parseSettings({ dns: 'off', ...(options.settings ?? {}) }).settings;
  const workspace = new ZonelintWorkspace({
    settings,
    dns: 'off',
    host: { readFile: (file) => files[file], mayRead: (file) => file.startsWith('/work/') },
  });
  for (const [file, content] of Object.entries(options.files ?? {})) {
    if (file.endsWith('.zone')) workspace.setFile(file, content);
  }
  workspace.setFile(path, text, 'origin' in options ? options.origin : 'example.com.');
  const { diagnostics, internalErrors } = await workspace.lint(path);
  assert.deepEqual(internalErrors, [], 'a rule threw');
  return diagnostics.filter((diagnostic) => diagnostic.file.path === path);
}

export interface Expectation {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly severity: string;
  readonly ruleId: string;
}

const ANNOTATION = /^(\s*;\s*)(\^+)\s+(error|warning|information|hint):\s+([a-z0-9-]+)\s*$/;

export function annotationsOf(text: string): Expectation[] {
  const lines = text.split('\n');
  const expectations: Expectation[] = [];
  let target = -1;
  for (let i = 0; i < lines.length; i++) {
    const match = ANNOTATION.exec(lines[i]);
    if (match === null) {
      target = i;
      continue;
    }
    const start = match[1] === ';' ? 0 : lines[i].indexOf('^');
    expectations.push({ line: target, start, end: start + match[2].length, severity: match[3], ruleId: match[4] });
  }
  return expectations;
}

/**
 * Lints the snippet and asserts that the findings of the rules it is about (`only`, or every rule named in an
 * annotation) are exactly the annotated ones, with the same ranges (on one line) and severities.
 */
export async function assertAnnotated(text: string, options: LintOptions & { only?: readonly string[] } = {}): Promise<void> {
  const expected = annotationsOf(text);
  const ids = new Set(options.only ?? expected.map((e) => e.ruleId));
  const diagnostics = (await lintText(text, options)).filter((d) => ids.has(d.ruleId));
  const actual = diagnostics.map((d) => {
    const start = d.file.positionAt(d.span.start);
    const end = d.file.positionAt(d.span.end);
    return {
      line: start.line,
      start: start.character,
      end: end.line === start.line ? end.character : start.character + 1,
      severity: d.severity,
      ruleId: d.ruleId,
    };
  });
  const key = (e: Expectation) => `${e.line}:${e.start}-${e.end} ${e.severity}: ${e.ruleId}`;
  assert.deepEqual(actual.map(key).sort(), expected.map(key).sort(), diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('\n'));
}

/**
 * One zone line followed by annotation lines marking `needle` (its first occurrence, or the n-th) in it:
 * `marked('x MX 10 mail', ['mail', 'warning', 'zone-target-no-address'])`.
 */
export function marked(line: string, ...marks: readonly (readonly [needle: string, severity: string, ruleId: string, occurrence?: number])[]): string {
  const annotations = marks.map(([needle, severity, ruleId, occurrence = 1]) => {
    let at = -1;
    for (let n = 0; n < occurrence; n++) at = line.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not in '${line}'`);
    if (at === 1) throw new Error('a range starting at column 1 cannot be annotated; indent with two spaces or a tab');
    const carets = '^'.repeat(needle.length);
    return `${at === 0 ? ';' : ';' + ' '.repeat(at - 1)}${carets} ${severity}: ${ruleId}`;
  });
  return [line, ...annotations].join('\n') + '\n';
}
