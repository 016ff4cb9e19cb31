// Tier "extension host": the mocha suites of test/e2e/host run inside code-server's real VS Code extension host,
// with this project as the extension under development, through the workbench's test runner (the `payload` URL
// parameter that also carries VS Code's own browser tests). Their result comes back through codeAutomationExit.

import assert from 'node:assert/strict';
import path from 'node:path';
import { PROJECT_ROOT } from '../corpora';
import { copyFixtureWorkspace } from '../fixtures/workspace';
import { REPORT_BEGIN, REPORT_END } from './host/index';
import type { Browser } from './support/browser';
import { openBrowser } from './support/browser';
import type { CodeServer } from './support/codeServer';
import { ensureCodeServer, startCodeServer } from './support/codeServer';
import type { Sandbox } from './support/sandbox';
import { createSandbox } from './support/sandbox';

const HOST_SUITE = path.join(__dirname, 'host', 'index.js');
const RUN_TIMEOUT_MS = 120000;

describe('VS Code extension host (code-server 4.100.3)', function () {
  let sandbox: Sandbox | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workspace: string;

  before(function () {
    // The first run installs code-server (about 90 s of native builds); later runs find it in .cache/.
    this.timeout(15 * 60 * 1000);
    ensureCodeServer();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    sandbox?.dispose();
  });

  it('passes the extension-host suites: language, diagnostics, features, status, restart, quick fixes, generators', async function () {
    this.timeout(RUN_TIMEOUT_MS + 30000);
    sandbox = createSandbox('vscode-host');
    workspace = copyFixtureWorkspace(sandbox.root);
    server = await startCodeServer({ sandbox, workspace });
    browser = await openBrowser(sandbox);
    const remote = (file: string): string => `vscode-remote://${server!.authority}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(PROJECT_ROOT)],
      ['extensionTestsPath', remote(HOST_SUITE)],
    ];
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await browser.page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exited, timeout(RUN_TIMEOUT_MS)]);
    const log = browser.log.join('\n');
    const begin = browser.log.indexOf(REPORT_BEGIN);
    const end = browser.log.indexOf(REPORT_END);
    if (begin >= 0 && end > begin) console.log(browser.log.slice(begin + 1, end).join('\n').replace(/^/gm, '      │ '));
    assert.equal(code, 0, `the extension-host suites failed (exit ${code}):\n${log}\n--- code-server ---\n${server.output()}`);
  });
});

function timeout(ms: number): Promise<string> {
  return new Promise((resolve) => setTimeout(() => resolve(`no result within ${ms} ms`), ms).unref());
}
