// Quick fixes and generators inside VS Code's real extension host: the preferred quick fix of a finding, found
// through VS Code's own code action command and applied as the light bulb applies it, until the server's next
// diagnostics drop the finding (waited for through onDidChangeDiagnostics, never a sleep); and the Bump SOA serial
// command on the active editor.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GenerateResult } from '../../../server/src/codeActions';
import { CLIENT_COMMANDS } from '../../../server/src/core/generators/requests';
import { EXAMPLE_ZONE } from '../../fixtures/workspace';

/** The fixture zone's SOA serial line (0-based) and the `_dmarc` record with `p=none`. */
const SERIAL_LINE = 4;
const DMARC_LINE = 20;

describe('zonelint quick fixes and generators in VS Code', () => {
  const zoneUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, EXAMPLE_ZONE);
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(zoneUri));
  });

  it('applies the preferred quick fix of a finding, and the server then drops the finding', async () => {
    const finding = await diagnosticsWhere((all) => all.find((d) => codeOf(d) === 'dmarc-policy-none'), 'a dmarc-policy-none diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', zoneUri, finding.range, vscode.CodeActionKind.QuickFix.value);
    // VS Code's command does not hand back each action's diagnostics: the range holds this one finding only.
    assert.deepEqual(
      actions.map((action) => `${action.isPreferred === true ? '* ' : ''}${action.title}`),
      ['* Move to the next stage: p=quarantine (failing mail goes to spam)', 'Go straight to p=reject (failing mail is refused)', 'Disable dmarc-policy-none for this line'],
    );
    const fix = actions[0];
    assert.ok(fix.edit !== undefined, 'the preferred fix has no edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command !== undefined) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(editor.document.lineAt(DMARC_LINE).text, /"v=DMARC1; p=quarantine; rua=mailto:dmarc@example\.net"/);
    // The other findings stay, so an empty list (nothing published yet) does not count as the finding gone.
    await diagnosticsWhere(
      (all) => (all.some((d) => codeOf(d) === 'zone-target-is-cname') && !all.some((d) => codeOf(d) === 'dmarc-policy-none') ? all : undefined),
      'diagnostics without dmarc-policy-none',
    );
  });

  it('bumps the SOA serial of the zone in the active editor with zonelint.bumpSoaSerial', async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    const before = serialOf(editor.document.lineAt(SERIAL_LINE).text);
    assert.equal(before, 2024010101);
    const result = await vscode.commands.executeCommand<GenerateResult | undefined>(CLIENT_COMMANDS.bumpSerial);
    assert.equal(result?.kind, 'edit', JSON.stringify(result));
    assert.equal(serialOf(editor.document.lineAt(SERIAL_LINE).text), todaysSerial());
  });

  /** Resolves with what `probe` finds in the zone's diagnostics: checked now and on every change of them. */
  function diagnosticsWhere<T>(probe: (all: vscode.Diagnostic[]) => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const settle = (): boolean => {
        const found = probe(vscode.languages.getDiagnostics(zoneUri));
        if (found === undefined) return false;
        subscription.dispose();
        clearTimeout(deadline);
        resolve(found);
        return true;
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(() => void settle());
      const deadline = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`timed out waiting for ${what}; last seen: ${vscode.languages.getDiagnostics(zoneUri).map(codeOf).join(', ')}`));
      }, 20000);
      settle();
    });
  }
});

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function serialOf(line: string): number {
  const match = /^\s*(\d+)\s*; serial/.exec(line);
  assert.ok(match !== null, `no serial in ${JSON.stringify(line)}`);
  return Number(match[1]);
}

/** The date serial `YYYYMMDD00` of today (UTC): what a bump of the fixture's 2024 serial writes. */
function todaysSerial(): number {
  const now = new Date();
  return (now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate()) * 100;
}
