// The rule registry against the contract: ids are unique, kebab-case and sorted; every id of shared/spec/rules.md
// is implemented with its default severity; every rule has a docs page and appears in a test.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../server/src/core/rules';
import { PROJECT_ROOT } from '../corpora';

/** The rule table of shared/spec/rules.md: id to default severity. */
function contractRules(): Map<string, string> {
  const spec = readFileSync(path.join(PROJECT_ROOT, '..', 'shared', 'spec', 'rules.md'), 'utf8');
  const rules = new Map<string, string>();
  for (const match of spec.matchAll(/^\| ([a-z]+-[a-z0-9-]+) \| (error|warning|information|hint) \|/gm)) rules.set(match[1], match[2]);
  return rules;
}

function testSources(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) text += testSources(full);
    else if (name.endsWith('.ts')) text += readFileSync(full, 'utf8');
  }
  return text;
}

describe('rule registry', () => {
  const ids = ALL_RULES.map((rule) => rule.meta.id);

  it('has unique kebab-case ids in sorted order', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(zone|spf|dkim|dmarc|mail)-[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('implements the contract ids with their default severities', () => {
    const byId = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
    const implemented = [...contractRules()].filter(([id]) => byId.has(id));
    for (const [id, severity] of implemented) assert.equal(byId.get(id), severity, id);
    // Every id of the contract exists; ids beyond it (zone-ds-placement, zone-unused-suppression) are documented.
    for (const [id] of contractRules()) assert.ok(byId.has(id), `missing rule ${id}`);
    assert.deepEqual(
      ids.filter((id) => !contractRules().has(id)),
      ['zone-ds-placement', 'zone-unused-suppression'],
    );
  });

  it('gives every rule a docs page and a summary', () => {
    for (const rule of ALL_RULES) {
      const page = path.join(PROJECT_ROOT, 'docs', 'rules', `${rule.meta.id}.md`);
      assert.ok(statSync(page, { throwIfNoEntry: false })?.isFile(), `missing ${page}`);
      assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.meta.id}\\n`));
      assert.ok(rule.meta.summary.length > 10, rule.meta.id);
    }
  });

  it('names every rule in a test', () => {
    const sources = testSources(path.join(PROJECT_ROOT, 'test'));
    for (const id of ids) assert.ok(sources.includes(`'${id}'`), `no test names ${id}`);
  });
});

describe('README rule list', () => {
  it('lists exactly the rules of the registry (npm run readme regenerates it)', () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const section = /<!-- rules:start -->([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1] ?? '';
    const listed = [...section.matchAll(/\(docs\/rules\/([a-z0-9-]+)\.md\)/g)].map((match) => match[1]);
    assert.deepEqual(listed, ALL_RULES.map((rule) => rule.meta.id));
  });
});
