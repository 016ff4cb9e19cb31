// Table-driven tests for the spf-* rules: each case is a zone (HEAD plus its lines) with caret annotations under
// the exact text each finding must cover, optionally with other zones and a scripted DNS behind the workspace.

import { strict as assert } from 'node:assert';
import { annotationsOf, marked } from '../../../harness';
import type { FakeDns } from './workspace';
import { HEAD, lintZoneText } from './workspace';

export interface RuleCase {
  /** Zone lines after HEAD, annotations included. */
  readonly zone: string;
  readonly dns?: FakeDns;
  readonly files?: Readonly<Record<string, string>>;
  /** What the case shows, for the test title. */
  readonly name?: string;
}

export interface RuleTable {
  readonly valid: ReadonlyArray<string | RuleCase>;
  readonly invalid: ReadonlyArray<string | RuleCase>;
}

/** A zone line with carets under `needle` (its n-th occurrence): `mark('@ TXT "v=spf1 +all"', '+all', 'error: spf-permissive-all')`. */
export function mark(line: string, needle: string, label: string, occurrence = 1): string {
  const [severity, ruleId] = label.split(': ');
  return marked(line, [needle, severity, ruleId, occurrence]);
}

export function describeRuleTable(ruleId: string, table: RuleTable): void {
  describe(ruleId, () => {
    table.valid.forEach((entry, index) => {
      const testCase = typeof entry === 'string' ? { zone: entry } : entry;
      it(`valid #${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`, async () => {
        assert.equal(annotationsOf(testCase.zone).length, 0, 'a valid case carries no annotations');
        await assertFindings(ruleId, testCase);
      });
    });
    table.invalid.forEach((entry, index) => {
      const testCase = typeof entry === 'string' ? { zone: entry } : entry;
      it(`invalid #${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`, async () => {
        assert.ok(annotationsOf(testCase.zone).length > 0, 'an invalid case carries annotations');
        await assertFindings(ruleId, testCase);
      });
    });
  });
}

/** The rule's findings must be exactly the annotated ones: same line, columns and severity. */
async function assertFindings(ruleId: string, testCase: RuleCase): Promise<void> {
  const text = HEAD + testCase.zone;
  const diagnostics = (await lintZoneText(text, { dns: testCase.dns, files: testCase.files })).filter((d) => d.ruleId === ruleId);
  const headLines = HEAD.split('\n').length - 1;
  const expected = annotationsOf(testCase.zone).map((e) => `${e.line + headLines}:${e.start}-${e.end} ${e.severity}`);
  const actual = diagnostics.map((d) => {
    const start = d.file.positionAt(d.span.start);
    const end = d.file.positionAt(d.span.end);
    return `${start.line}:${start.character}-${end.line === start.line ? end.character : start.character + 1} ${d.severity}`;
  });
  assert.deepEqual(actual.sort(), expected.sort(), diagnostics.map((d) => d.message).join('\n'));
}
