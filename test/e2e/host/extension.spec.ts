// The extension inside VS Code's real extension host (code-server 4.100, VS Code 1.100): the language, the
// diagnostics the server publishes (waited for through onDidChangeDiagnostics, never a sleep), the features
// through VS Code's own provider commands, the status the status bar shows, the SPF test command, and a restart
// after the server dies.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TestSpfArguments, ZonelintApi } from '../../../client/src/extension';
import type { CheckSpfResult } from '../../../server/src/protocol';
import type { SeenDiagnostic, SeverityName } from '../../fixtures/workspace';
import { EXAMPLE_ZONE, expectedDiagnostics, formatRange, INCLUDED_FILE, sortDiagnostics } from '../../fixtures/workspace';

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, SeverityName> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

describe('zonelint in VS Code', () => {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const zoneUri = vscode.Uri.joinPath(folder, EXAMPLE_ZONE);
  const includedUri = vscode.Uri.joinPath(folder, INCLUDED_FILE);
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(zoneUri));
  });

  it('opens .zone files, db.* files and zone files without an extension as DNS Zone File', async () => {
    assert.equal(editor.document.languageId, 'dns-zone');
    const byName = path.join(folder.fsPath, 'db.example.org');
    const byFirstLine = path.join(folder.fsPath, 'example-org');
    writeFileSync(byName, '; reverse zone\n@ IN NS ns1.example.org.\n');
    writeFileSync(byFirstLine, '$ORIGIN example.org.\n@ IN NS ns1\n');
    assert.equal((await vscode.workspace.openTextDocument(byName)).languageId, 'dns-zone');
    assert.equal((await vscode.workspace.openTextDocument(byFirstLine)).languageId, 'dns-zone');
  });

  it('shows the diagnostics the core reports, in the zone and in its $INCLUDEd file', async () => {
    const expected = (await expectedDiagnostics(folder.fsPath)).filter((d) => d.file === EXAMPLE_ZONE || d.file === INCLUDED_FILE);
    const seen = await waitForDiagnostics((all) => (JSON.stringify(all) === JSON.stringify(expected) ? all : undefined), `the core's ${expected.length} diagnostics`);
    assert.deepEqual(seen, expected);
    const cnameAndOther = vscode.languages.getDiagnostics(zoneUri).find((d) => codeOf(d) === 'zone-cname-and-other-data')!;
    assert.equal(cnameAndOther.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(cnameAndOther.source, 'zonelint');
    assert.match((cnameAndOther.code as { target: vscode.Uri }).target.toString(), /\/docs\/rules\/zone-cname-and-other-data\.md$/);
    assert.equal(cnameAndOther.relatedInformation?.[0].location.range.start.line, 16);
    assert.ok(seen.some((d) => d.file === INCLUDED_FILE && d.code === 'zone-bad-rdata' && d.severity === 'error' && d.range === '1:16-1:27'));
  });

  it('reports the zone status the status bar shows', () => {
    const api = vscode.extensions.getExtension<ZonelintApi>('zonelint.zonelint')!.exports;
    const status = api.zoneStatus(zoneUri.toString());
    assert.equal(status?.origin, 'example.com.');
    assert.equal(status?.recordCount, 13);
    assert.deepEqual(status?.spfLookups, { count: 2, limit: 10, complete: true });
  });

  it('outlines the zone by owner name', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', zoneUri);
    assert.deepEqual(
      symbols.map((s) => `${s.name}: ${s.children.map((c) => c.name).join(' ')}`),
      ['@: SOA NS NS MX TXT', 'ns1: A', 'mail: CNAME', 'www: A', 'ftp: CNAME TXT', 'api: A A', '_dmarc: TXT'],
    );
  });

  it('hovers a record type and a name', async () => {
    const mxLine = editor.document.lineAt(11);
    const [typeHover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', zoneUri, mxLine.range.start.translate(0, mxLine.text.indexOf('MX')));
    assert.match(markdownOf(typeHover), /\*\*MX\*\* record \(type 15\)/);
    const [nameHover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', zoneUri, mxLine.range.start.translate(0, mxLine.text.indexOf('mail') + 1));
    assert.match(markdownOf(nameHover), /CNAME www/);
  });

  it('goes to the definition of an MX target and of an SPF include domain', async () => {
    const mxLine = editor.document.lineAt(11);
    const toCname = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', zoneUri, mxLine.range.start.translate(0, mxLine.text.indexOf('mail') + 1));
    assert.deepEqual(toCname.map((l) => `${path.basename(l.uri.fsPath)}:${l.range.start.line}`), [`${EXAMPLE_ZONE}:14`]);
    const spfLine = editor.document.lineAt(12);
    const toOtherZone = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', zoneUri, spfLine.range.start.translate(0, spfLine.text.indexOf('_spf') + 1));
    assert.deepEqual(toOtherZone.map((l) => `${path.basename(l.uri.fsPath)}:${l.range.start.line}`), ['example.net.zone:9']);
  });

  it('links $INCLUDE to the included file and folds the SOA', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', zoneUri);
    assert.deepEqual(links.map((l) => l.target?.fsPath), [includedUri.fsPath]);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', zoneUri);
    assert.deepEqual(folds.map((f) => `${f.start}-${f.end}`), ['3-8']);
  });

  it('shows the SPF term and lookup tree in a hover and the lookup count as an inlay hint', async () => {
    const spfLine = editor.document.lineAt(12);
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', zoneUri, spfLine.range.start.translate(0, spfLine.text.indexOf('v=spf1') + 1));
    assert.match(markdownOf(hover), /^`v=spf1`: [^\n]*\n\n---\n\n\*\*SPF record\*\* of `example\.com`: lookups 2\/10, void 0\/2\n[\s\S]*- `include:_spf\.example\.net` · 1 lookup · zone file `example\.net\.zone`/);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', zoneUri, whole);
    assert.deepEqual(
      hints.map((hint) => `${hint.position.line}:${hint.position.character} ${typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')}`),
      [`12:${spfLine.text.length} 2/10 DNS lookups`],
    );
  });

  it('tests SPF for an address with the zonelint.testSpf command, through the server', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension('zonelint.zonelint')!.packageJSON.contributes.commands as { command: string }[]).map((entry) => entry.command);
    assert.deepEqual(contributed.filter((command) => !registered.includes(command)), [], 'contributed but not registered');
    const testSpf = (given: TestSpfArguments): Thenable<CheckSpfResult | undefined> => vscode.commands.executeCommand<CheckSpfResult | undefined>('zonelint.testSpf', given);
    const allowed = await testSpf({ ip: '198.51.100.7', sender: 'someone@example.com' });
    assert.ok(allowed !== undefined, 'no evaluation');
    assert.equal(allowed.result, 'pass');
    assert.equal(allowed.lookups, 2);
    assert.ok(allowed.trace.some((step) => step.depth === 1 && step.domain === '_spf.example.net' && /matches: pass$/.test(step.message)), JSON.stringify(allowed.trace));
    const bounce = await testSpf({ ip: '203.0.113.5', sender: 'example.com' });
    assert.deepEqual([bounce?.result, bounce?.explanation], ['softfail', '']);
    assert.equal(await testSpf({ ip: '203.0.113.500', sender: 'someone@example.com' }), undefined);
  });

  it('restarts the server when it dies, and checks the edited zone again', async () => {
    const server = serverProcessIds();
    assert.equal(server.length, 1, `expected one server process, found ${server.length}`);
    process.kill(server[0], 'SIGKILL');
    const line = editor.document.lineAt(19);
    await editor.edit((edit) => edit.replace(line.range, line.text.replace('api 600', 'api 300')));
    await waitForDiagnostics((all) => (all.length > 0 && !all.some((d) => d.code === 'zone-ttl-mismatch') ? all : undefined), 'diagnostics without zone-ttl-mismatch from a restarted server');
    const restarted = serverProcessIds();
    assert.equal(restarted.length, 1);
    assert.notEqual(restarted[0], server[0]);
  });

  /** Resolves once the zone's and the included file's diagnostics satisfy `accept`: checked now and on every change. */
  function waitForDiagnostics(accept: (all: SeenDiagnostic[]) => SeenDiagnostic[] | undefined, what: string): Promise<SeenDiagnostic[]> {
    const current = (): SeenDiagnostic[] =>
      sortDiagnostics([...vscode.languages.getDiagnostics(zoneUri).map((d) => seenAs(EXAMPLE_ZONE, d)), ...vscode.languages.getDiagnostics(includedUri).map((d) => seenAs(INCLUDED_FILE, d))]);
    return new Promise((resolve, reject) => {
      const settle = (): boolean => {
        const accepted = accept(current());
        if (accepted === undefined) return false;
        subscription.dispose();
        clearTimeout(deadline);
        resolve(accepted);
        return true;
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(() => void settle());
      const deadline = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(current(), null, 1)}`));
      }, 20000);
      settle();
    });
  }
});

function seenAs(file: string, diagnostic: vscode.Diagnostic): SeenDiagnostic {
  return {
    file,
    code: codeOf(diagnostic),
    severity: SEVERITY_NAMES[diagnostic.severity],
    range: formatRange(diagnostic.range.start, diagnostic.range.end),
    related: diagnostic.relatedInformation?.length ?? 0,
  };
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/** The language servers this extension host started (the extension host is their parent process). */
function serverProcessIds(): number[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes('dist/server.js'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
