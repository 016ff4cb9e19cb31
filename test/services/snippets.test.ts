// The snippets of snippets/zone.json, expanded as VS Code would with their defaults (the first choice, the file
// name example.com.zone, a fixed date) and pasted into a zone: the result must lint without errors, and the mail
// set-ups without mail-* findings.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../corpora';
import { lintText } from '../harness';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

const VARIABLES: Readonly<Record<string, string>> = { TM_FILENAME_BASE: 'example.com', CURRENT_YEAR: '2025', CURRENT_MONTH: '03', CURRENT_DATE: '14' };

/** Expands a VS Code snippet with each tab stop's default, the first choice, and mirrors of earlier tab stops. */
function expand(body: string): string {
  const values = new Map<string, string>();
  let text = body;
  // Innermost first: a placeholder's default may hold a variable or a transform.
  for (let changed = true; changed; ) {
    const before = text;
    text = text
      .replace(/\$\{([A-Z_]+)\/([^/]*)\/([^/]*)\/([a-z]*)\}/g, (_all, name: string, pattern: string, replacement: string, flags: string) => VARIABLES[name].replace(new RegExp(pattern, flags), replacement))
      .replace(/\$\{([A-Z_]+)\}/g, (_all, name: string) => VARIABLES[name])
      .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g, (_all, stop: string, first: string) => (values.set(stop, first), first))
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_all, stop: string, value: string) => (values.set(stop, value), value));
    changed = text !== before;
  }
  return text.replace(/\$\{(\d+)\}/g, (_all, stop: string) => values.get(stop) ?? '').replace(/\$0/g, '');
}

const snippets = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'snippets', 'zone.json'), 'utf8')) as Record<string, Snippet>;
const HEAD = '$ORIGIN example.com.\n$TTL 3600\n';
const REST = '@ NS ns1\nns1 A 192.0.2.53\n';
const SOA = '@ SOA ns1 hostmaster 2025031401 7200 3600 1209600 300\n';

describe('snippets', () => {
  it('expand without leftover tab stops or variables', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(snippet.description.length > 0, name);
      assert.doesNotMatch(expand(snippet.body.join('\n')), /\$[{0-9A-Z]/, name);
    }
  });

  it('the SOA record makes a zone without errors', async () => {
    const text = HEAD + expand(snippets['SOA record'].body.join('\n')) + REST;
    assert.match(text, /2025031401 ; serial/);
    const errors = (await lintText(text)).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${d.ruleId}: ${d.message}`), []);
  });

  for (const name of ['Microsoft 365 mail', 'No-mail domain']) {
    it(`${name} makes a complete mail set-up`, async () => {
      const text = HEAD + SOA + REST + expand(snippets[name].body.join('\n'));
      const findings = (await lintText(text)).filter((d) => d.severity === 'error' || d.ruleId.startsWith('mail-'));
      assert.deepEqual(findings.map((d) => `${d.ruleId}: ${d.message}`), []);
    });
  }
});
