// Tier "UI": the packaged extension installed into code-server, the example zone opened from the Explorer in
// Debian's Chromium, squiggles in the editor, the Problems panel's rows, the status bar item, and a screenshot
// of it all in test-results/ (the README shows one).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../corpora';
import type { SeenDiagnostic } from '../fixtures/workspace';
import { copyFixtureWorkspace, EXAMPLE_ZONE, expectedDiagnostics, INCLUDED_FILE } from '../fixtures/workspace';
import type { Browser } from './support/browser';
import { openBrowser } from './support/browser';
import type { CodeServer } from './support/codeServer';
import { ensureCodeServer, startCodeServer } from './support/codeServer';
import type { Sandbox } from './support/sandbox';
import { createSandbox } from './support/sandbox';
import { packageExtension } from './support/vsix';

export const SCREENSHOT = path.join(PROJECT_ROOT, 'test-results', 'vscode-problems.png');
const WAIT_MS = 60000;

/** How the Problems panel names each severity in a row. */
const SEVERITY_LABELS: Record<SeenDiagnostic['severity'], string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

describe('VS Code workbench (code-server 4.100.3 in Chromium)', function () {
  this.timeout(WAIT_MS * 3);
  let sandbox: Sandbox | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workspace: string;

  before(function () {
    this.timeout(15 * 60 * 1000);
    ensureCodeServer();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    sandbox?.dispose();
  });

  it('shows the zone problems in the editor, the Problems panel and the status bar', async () => {
    sandbox = createSandbox('vscode-ui');
    workspace = copyFixtureWorkspace(sandbox.root);
    const extensionsDir = path.join(sandbox.root, 'extensions');
    installExtension({ sandbox, extensionsDir, vsix: packageExtension(sandbox) });
    server = await startCodeServer({ sandbox, workspace, extensionsDir });
    browser = await openBrowser(sandbox);
    const page = browser.page;
    page.setDefaultTimeout(WAIT_MS);

    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE_ZONE }).click();
    await page.waitForSelector('.monaco-editor .view-lines:has-text("$ORIGIN example.com.")');
    await page.waitForSelector('.monaco-editor .squiggly-error');
    await page.waitForSelector('.monaco-editor .squiggly-warning');

    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+Shift+M');
    const expected = (await expectedDiagnostics(workspace)).filter((d) => d.file === EXAMPLE_ZONE || d.file === INCLUDED_FILE);
    const problemRows = page.locator('.markers-panel .monaco-list-row');
    // One row per problem that names its source, plus a row per file: wait until every problem is listed.
    await page.locator('.markers-panel .monaco-list-row[aria-label*="zonelint"]').nth(expected.length - 1).waitFor();
    const labels = await problemRows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    const texts = await problemRows.allInnerTexts();
    const rows = labels.map((label, index) => ({ label, text: texts[index] }));
    for (const diagnostic of expected) {
      const [line, character] = diagnostic.range.split('-')[0].split(':').map(Number);
      const position = `[Ln ${line + 1}, Col ${character + 1}]`;
      const row = rows.find((candidate) => candidate.text.includes(diagnostic.code) && candidate.text.includes(position));
      assert.ok(row, `no Problems row for ${diagnostic.code} at ${position} in ${diagnostic.file}; rows:\n${rows.map((r) => r.text.replace(/\n/g, ' | ')).join('\n')}`);
      assert.match(row.label, new RegExp(`^${SEVERITY_LABELS[diagnostic.severity]}: `));
    }
    const fileRows = rows.filter((row) => /problems? in file/.test(row.label)).map((row) => row.label);
    assert.equal(fileRows.length, 2, fileRows.join('\n'));

    const statusItem = page.locator('.statusbar-item', { hasText: 'example.com.' });
    await statusItem.waitFor();
    const errorCount = expected.filter((d) => d.severity === 'error').length;
    const warningCount = expected.filter((d) => d.severity === 'warning').length;
    assert.match((await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '', new RegExp(`Errors: ${errorCount}, Warnings: ${warningCount}`));

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });
});

function installExtension(input: { sandbox: Sandbox; extensionsDir: string; vsix: string }): void {
  const install = spawnSync(ensureCodeServer(), ['--extensions-dir', input.extensionsDir, '--user-data-dir', path.join(input.sandbox.root, 'user-data'), '--install-extension', input.vsix, '--force'], {
    env: input.sandbox.env,
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, `installing the .vsix failed: ${install.stdout}${install.stderr}`);
}
