// The LSP edge of fixes: for every finding of the example zones and the fixture workspace, code actions are asked
// for as an editor asks (the finding's range and the diagnostic in the context), the preferred quick fix's
// WorkspaceEdit is applied to the documents, and a second lint must show the finding gone and no new error. Then
// fix-all, the commands of fixes that need the user, and the generate command with its placeholder and serial bump.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, CodeActionParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, runGenerateCommand } from '../../server/src/codeActions';
import { parseSettings, ZonelintWorkspace } from '../../server/src/core';
import type { Diagnostic } from '../../server/src/core';
import { CLIENT_COMMANDS } from '../../server/src/core/generators/requests';
import type { SelectArguments } from '../../server/src/core/generators/requests';
import { fileUri, toDiagnostic } from '../../server/src/toLsp';
import { PROJECT_ROOT } from '../corpora';
import { FIXTURE_WORKSPACE } from '../fixtures/workspace';
import { assertNoNewErrors } from './harness';

const uriOf = (filePath: string): string => fileUri(filePath);

/** A workspace of files on disk, re-linted from edited texts. */
class Documents {
  constructor(readonly texts: Record<string, string>) {}

  async lint(main: string): Promise<{ diagnostics: Diagnostic[]; workspace: ZonelintWorkspace }> {
    const texts = this.texts;
    const workspace = new ZonelintWorkspace({ settings: parseSettings({ dns: 'off' }).settings, dns: 'off', host: { readFile: (file) => texts[file], mayRead: (file) => file in texts } });
    for (const [file, text] of Object.entries(texts)) if (file.endsWith('.zone')) workspace.setFile(file, text);
    const { diagnostics, internalErrors } = await workspace.lint(main);
    assert.deepEqual(internalErrors, []);
    return { diagnostics, workspace };
  }

  /** The texts after a WorkspaceEdit, applied as an editor applies it. */
  applied(edit: WorkspaceEdit): Documents {
    const texts = { ...this.texts };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const file = Object.keys(texts).find((candidate) => uriOf(candidate) === uri);
      assert.ok(file !== undefined, `the edit names an unknown document ${uri}`);
      texts[file] = TextDocument.applyEdits(TextDocument.create(uri, 'dns-zone', 1, texts[file]), edits);
    }
    return new Documents(texts);
  }
}

function folder(dir: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (name.endsWith('.zone') || name.endsWith('.inc')) texts[path.join(dir, name)] = readFileSync(path.join(dir, name), 'utf8');
  return texts;
}

const workspaces = [folder(path.join(PROJECT_ROOT, 'examples')), folder(FIXTURE_WORKSPACE)];

function params(main: string, diagnostic: Diagnostic, only?: string[]): CodeActionParams {
  const lsp = toDiagnostic(diagnostic, uriOf);
  return { textDocument: { uri: uriOf(main) }, range: lsp.range, context: { diagnostics: [lsp], ...(only === undefined ? {} : { only }) } };
}

describe('code actions (LSP): every preferred fix of the example zones', () => {
  for (const texts of workspaces) {
    for (const main of Object.keys(texts).filter((file) => file.endsWith('.zone'))) {
      it(`${path.basename(path.dirname(main))}/${path.basename(main)}`, async function () {
        this.timeout(20000);
        const documents = new Documents(texts);
        const { diagnostics } = await documents.lint(main);
        for (const diagnostic of diagnostics.filter((d) => d.file.path === main)) {
          const actions = codeActions({ diagnostics, filePath: main, params: params(main, diagnostic), uriOf });
          const mine = actions.filter((action) => action.diagnostics?.[0]?.code === diagnostic.ruleId && action.diagnostics[0].message === diagnostic.message);
          assert.ok(mine.some((action) => action.title === `Disable ${diagnostic.ruleId} for this line`), `${diagnostic.ruleId} has no disable action`);
          assert.ok(mine.filter((action) => action.isPreferred === true).length <= 1, `${diagnostic.ruleId} has several preferred actions`);
          const preferred = mine.find((action) => action.isPreferred === true && action.edit !== undefined);
          if (preferred === undefined) continue;
          const after = await documents.applied(preferred.edit!).lint(main);
          const count = (list: readonly Diagnostic[]): number => list.filter((d) => d.ruleId === diagnostic.ruleId).length;
          assert.ok(count(after.diagnostics) < count(diagnostics), `"${preferred.title}" left ${diagnostic.ruleId}`);
          assertNoNewErrors(diagnostics, after.diagnostics, preferred.title);
        }
      });
    }
  }
});

describe('code actions (LSP): kinds and commands', () => {
  const examples = workspaces[0];
  const main = path.join(PROJECT_ROOT, 'examples', 'example.com.zone');

  it('offers only what the context asks for', async () => {
    const { diagnostics } = await new Documents(examples).lint(main);
    const diagnostic = diagnostics.find((d) => d.ruleId === 'spf-string-join')!;
    const kinds = (only?: string[]): string[] => [...new Set(codeActions({ diagnostics, filePath: main, params: params(main, diagnostic, only), uriOf }).map((action) => action.kind!))];
    assert.deepEqual(kinds(), [CodeActionKind.QuickFix, FIX_ALL_KIND]);
    assert.deepEqual(kinds([CodeActionKind.QuickFix]), [CodeActionKind.QuickFix]);
    assert.deepEqual(kinds([CodeActionKind.SourceFixAll]), [FIX_ALL_KIND]);
    assert.deepEqual(kinds([CodeActionKind.Refactor]), []);
  });

  it('fix-all repairs the example zone without new errors', async () => {
    const documents = new Documents(examples);
    const { diagnostics } = await documents.lint(main);
    const [fixAll] = codeActions({ diagnostics, filePath: main, params: { ...params(main, diagnostics[0], [FIX_ALL_KIND]) }, uriOf });
    assert.equal(fixAll.kind, FIX_ALL_KIND);
    const after = await documents.applied(fixAll.edit!).lint(main);
    assertNoNewErrors(diagnostics, after.diagnostics, fixAll.title);
    for (const id of ['spf-string-join', 'zone-unquoted-semicolon']) assert.ok(!after.diagnostics.some((d) => d.ruleId === id), `${id} is still there`);
  });

  it('turns fixes that need the user into client commands', async () => {
    const head = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
    const zonePath = '/work/zones/example.com.zone';
    const text = `${head}@ MX 0 example-com.mail.protection.outlook.com.\n@ TXT "v=spf1 include:spf.protection.outlook.com -all"\n_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.org"\n`;
    const { diagnostics } = await new Documents({ [zonePath]: text }).lint(zonePath);
    const actionFor = (ruleId: string, kind: string): CodeAction | undefined =>
      codeActions({ diagnostics, filePath: zonePath, params: params(zonePath, diagnostics.find((d) => d.ruleId === ruleId)!), uriOf }).find((action) => action.command?.command === kind);
    const dkim = actionFor('mail-dkim-missing', CLIENT_COMMANDS.addMicrosoft365Dkim);
    assert.deepEqual(dkim?.command?.arguments, [{ uri: uriOf(zonePath), domain: 'example.com.' }]);
    assert.equal(dkim?.isPreferred, true);
    const copy = actionFor('dmarc-external-report-auth', CLIENT_COMMANDS.copyRecord);
    assert.equal((copy?.command?.arguments?.[0] as { text: string }).text, 'example.com._report._dmarc.example.org. IN TXT "v=DMARC1"');
  });
});

describe('the zonelint.generate command', () => {
  const head = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 2024061001 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
  const zonePath = '/work/zones/example.com.zone';
  const text = `${head}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\n`;
  const now = new Date(Date.UTC(2025, 2, 14));

  async function generate(serialBump: boolean): Promise<{ after: string; select: SelectArguments | undefined; title: string }> {
    const documents = new Documents({ [zonePath]: text });
    const { workspace } = await documents.lint(zonePath);
    const zone = workspace.zone(zonePath)!;
    const result = runGenerateCommand({
      params: { uri: uriOf(zonePath), position: { line: 7, character: 0 }, request: { kind: 'dmarc', policy: 'none' } },
      target: { zone, file: zone.file },
      uriOf,
      now,
      serialBump: serialBump ? { zones: workspace.zones(), now } : undefined,
    });
    assert.equal(result.kind, 'edit', result.kind === 'refused' ? result.reason : '');
    if (result.kind !== 'edit') throw new Error('refused');
    return { after: documents.applied(result.edit).texts[zonePath], select: result.select, title: result.title };
  }

  for (const serialBump of [false, true]) {
    it(`adds a DMARC record and selects its report address${serialBump ? ', bumping the serial' : ''}`, async () => {
      const { after, select } = await generate(serialBump);
      const expectedHead = serialBump ? head.replace('2024061001', '2025031400') : head;
      assert.equal(after, `${expectedHead}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\n`);
      assert.ok(select !== undefined);
      const document = TextDocument.create(select.uri, 'dns-zone', 2, after);
      assert.equal(document.getText(select.range), 'dmarc-reports');
    });
  }

  it('refuses a document it does not know', () => {
    const result = runGenerateCommand({ params: { uri: 'file:///x.zone', position: { line: 0, character: 0 }, request: { kind: 'spf' } }, target: undefined, uriOf, now });
    assert.equal(result.kind, 'refused');
  });
});
