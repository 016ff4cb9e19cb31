// Tier "extension host": the mocha suites of test/e2e/host run inside code-server's real VS Code extension host,
// with this project as the extension under development, through the workbench's test runner (the `payload` URL
// parameter that also carries VS Code's own browser tests). Their result comes back through codeAutomationExit.

import assert from 'node:assert/strict';
import path from 'node:path';
import { PROJECT_ROOT } from '../corpora';
import { copyFixtureWorkspace } from '../fixtures/workspace';
import { REPORT_BEGIN, REPORT_END } from './host/index';
import { openBrowser } from './support/browser';
import { startCodeServer } from './support/codeServer';
import { createSandbox } from './support/sandbox';
import { useWorkbench } from './support/workbench';

const HOST_SUITE = path.join(__dirname, 'host', 'index.js');
const RUN_TIMEOUT_MS = 120000;

describe('VS Code extension host (code-server 4.100.3)', function () {
  const workbench = useWorkbench();


  it('passes the extension-host suites: language, diagnostics, features, status, restart, quick fixes, generators', async function () {
    this.timeout(RUN_TIMEOUT_MS + 30000);
    const sandbox = (workbench.sandbox = createSandbox('vscode-host'));
    const workspace = copyFixtureWorkspace(sandbox.root);
    const server = (workbench.server = await startCodeServer({ sandbox, workspace }));
    const browser = (workbench.browser = await openBrowser(sandbox));
    const remote = (file: string): string => `vscode-remote://${server.authority}${file}`;
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
