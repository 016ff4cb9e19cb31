// The TextMate grammar: the annotated fixtures in test/grammar/fixtures pass vscode-tmgrammar-test (VS Code's own
// tokenizer, vscode-textmate with oniguruma), and every record type the core knows is coloured as a type.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RR_TYPES, OBSOLETE_TYPES } from '../../server/src/core/zone/rrtypes';
import { PROJECT_ROOT } from '../corpora';

const GRAMMAR = path.join(PROJECT_ROOT, 'syntaxes', 'dns-zone.tmLanguage.json');
const FIXTURES = path.join(PROJECT_ROOT, 'test', 'grammar', 'fixtures');
const TEST_TOOL = path.join(PROJECT_ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');

describe('TextMate grammar', () => {
  for (const fixture of readdirSync(FIXTURES).filter((name) => name.endsWith('.zone'))) {
    it(`tokenizes ${fixture} as annotated`, () => {
      const run = spawnSync(process.execPath, [TEST_TOOL, '--compact', '-g', GRAMMAR, path.join(FIXTURES, fixture)], { encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    });
  }

  it('colours every record type the core knows, and TYPEnnn, as a type', () => {
    const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { repository: { 'record-body': { patterns: { begin?: string; beginCaptures?: Record<string, { name: string }> }[] } } };
    const typeRegions = grammar.repository['record-body'].patterns.filter((pattern) => pattern.beginCaptures?.['1']?.name === 'storage.type.rrtype.dns-zone');
    // The grammar's regexes are Oniguruma; these ones use only syntax JavaScript reads the same way, minus `(?i)`.
    const matchers = typeRegions.map((pattern) => new RegExp(pattern.begin!.replace('(?i)', ''), 'i'));
    const names = [...Object.keys(RR_TYPES), ...Object.keys(OBSOLETE_TYPES), 'TYPE65280', 'type1'];
    const uncoloured = names.filter((name) => !matchers.some((matcher) => matcher.test(`${name} 1`)));
    assert.deepEqual(uncoloured, []);
  });
});
