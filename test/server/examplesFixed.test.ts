// Every finding of the example zones fixed through the language server, as an editor fixes it: a code action
// request for the finding, its preferred quick fix and its "Disable <id> for this line" fix applied one at a time,
// and the server's next check must show the finding gone and no new error; then the text is put back.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { CodeActionKind, CodeActionRequest } from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../corpora';
import { EDITOR_SETTINGS } from '../fixtures/workspace';
import { LspTestClient } from './lspClient';
import { assertNoNewErrors, TestDocuments } from './testDocuments';

const SERVER = path.join(PROJECT_ROOT, 'bin', 'zonelint-language-server.js');
const EXAMPLES = path.join(PROJECT_ROOT, 'examples');
const ZONES = readdirSync(EXAMPLES).filter((name) => name.endsWith('.zone')).sort();

describe('every finding of the example zones, fixed through the language server', function () {
  let client: LspTestClient;
  let documents: TestDocuments;

  before(async () => {
    // The examples folder is the workspace: the server reads it and the tests change only their open buffers.
    client = await LspTestClient.startInFolder({ serverScript: SERVER, folder: EXAMPLES, initializationOptions: { settings: EDITOR_SETTINGS } });
    documents = new TestDocuments(client);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('finds example zones to fix', () => {
    assert.ok(ZONES.length >= 2, `only ${ZONES.join(', ')}`);
  });

  for (const name of ZONES) {
    it(name, async function () {
      this.timeout(60000);
      const uri = pathToFileURL(path.join(EXAMPLES, name)).href;
      const original = readFileSync(path.join(EXAMPLES, name), 'utf8');
      const found = await documents.open(uri, original);
      let applied = 0;
      for (const diagnostic of found) {
        const actions = await quickFixesFor(uri, diagnostic);
        const preferred = actions.filter((action) => action.isPreferred === true);
        assert.ok(preferred.length <= 1, `${String(diagnostic.code)} has ${preferred.length} preferred fixes`);
        const suppression = actions.find((action) => action.title === `Disable ${String(diagnostic.code)} for this line`);
        assert.ok(suppression !== undefined, `${String(diagnostic.code)} at line ${diagnostic.range.start.line} offers no "Disable" fix`);
        for (const action of [...preferred, suppression]) {
          await checkFixed({ uri, before: found, diagnostic, action });
          applied++;
        }
      }
      assert.ok(applied >= found.length, `only ${applied} fixes for ${found.length} findings`);
    });
  }

  /** The quick fixes the server offers for one finding (the request's range may cover others too). */
  async function quickFixesFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    return actions.filter((action) => action.kind === CodeActionKind.QuickFix && action.diagnostics?.some((d) => JSON.stringify(d) === JSON.stringify(diagnostic)));
  }

  /** Applies one fix, checks the server's next diagnostics, and puts every changed document back. */
  async function checkFixed(options: { uri: string; before: Diagnostic[]; diagnostic: Diagnostic; action: CodeAction }): Promise<void> {
    const { uri, before, diagnostic, action } = options;
    assert.ok(action.edit !== undefined, `"${action.title}" has no edit`);
    const texts = documents.snapshot();
    const after = await documents.applyEdit(action.edit, uri);
    const count = (list: readonly Diagnostic[]): number => list.filter((d) => d.code === diagnostic.code).length;
    assert.ok(count(after) < count(before), `"${action.title}" left its ${String(diagnostic.code)} finding`);
    assertNoNewErrors(before, after, action.title);
    const restored = await documents.restore(texts, uri);
    assert.deepEqual(restored, before, `the findings after undoing "${action.title}"`);
  }
});
