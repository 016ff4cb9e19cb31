// A workspace made for a front end that never asks for fixes (the CLI) reports exactly the findings of one that
// keeps them, and says so plainly if asked for a fix after all.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSettings, ZonelintWorkspace } from '../../../server/src/core';
import type { Diagnostic } from '../../../server/src/core';
import { PROJECT_ROOT } from '../../corpora';

const EXAMPLES = path.join(PROJECT_ROOT, 'examples');

async function lintExamples(withoutFixes: boolean): Promise<Diagnostic[]> {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(EXAMPLES)) if (name.endsWith('.zone')) texts[path.join(EXAMPLES, name)] = readFileSync(path.join(EXAMPLES, name), 'utf8');
  const workspace = new ZonelintWorkspace({ settings: parseSettings({ dns: 'off' }).settings, dns: 'off', host: { readFile: (file) => texts[file], mayRead: (file) => file in texts }, withoutFixes });
  for (const [file, text] of Object.entries(texts)) workspace.setFile(file, text);
  const diagnostics: Diagnostic[] = [];
  for (const file of Object.keys(texts).sort()) {
    const output = await workspace.lint(file);
    assert.deepEqual(output.internalErrors, []);
    diagnostics.push(...output.diagnostics);
  }
  return diagnostics;
}

const described = (diagnostic: Diagnostic) => ({
  ruleId: diagnostic.ruleId,
  severity: diagnostic.severity,
  message: diagnostic.message,
  file: diagnostic.file.path,
  span: diagnostic.span,
  related: diagnostic.related,
});

describe('a workspace without fixes', () => {
  it('reports the findings of one with fixes, and refuses to give a fix', async () => {
    const withFixes = await lintExamples(false);
    const without = await lintExamples(true);
    assert.ok(withFixes.length > 0);
    assert.ok(withFixes.some((diagnostic) => diagnostic.fixes.length > 1), 'some finding of the examples has a fix of its rule');
    assert.deepEqual(without.map(described), withFixes.map(described));
    for (const diagnostic of without) assert.throws(() => diagnostic.fixes, /withoutFixes/, diagnostic.ruleId);
  });
});
