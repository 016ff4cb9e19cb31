// Tier "Neovim": Debian's Neovim, headless, as a second LSP client over `zonelint-language-server --stdio`: the
// same diagnostics as the core (codes, ranges, severities, related places) reach it, and it gets the outline.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../corpora';
import type { SeenDiagnostic } from '../fixtures/workspace';
import { copyFixtureWorkspace, EXAMPLE_ZONE, expectedDiagnostics, INCLUDED_FILE, LSP_SEVERITY_NAMES, sortDiagnostics } from '../fixtures/workspace';
import type { Sandbox } from './support/sandbox';
import { createSandbox } from './support/sandbox';

const LUA_CLIENT = path.join(PROJECT_ROOT, 'test', 'e2e', 'neovim', 'lsp-client.lua');
const SERVER = path.join(PROJECT_ROOT, 'bin', 'zonelint-language-server.js');

interface NeovimDiagnostic {
  readonly file: string;
  readonly code: string;
  readonly severity: number;
  readonly source: string;
  readonly range: string;
  readonly related: number;
}

describe('Neovim (headless) as an LSP client', function () {
  this.timeout(60000);
  let sandbox: Sandbox;

  before(() => {
    sandbox = createSandbox('neovim');
  });

  after(() => sandbox.dispose());

  it('receives the core diagnostics of the zone and its $INCLUDEd file, and the outline', async () => {
    const workspace = copyFixtureWorkspace(sandbox.root);
    const resultFile = path.join(sandbox.root, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA_CLIENT}`, EXAMPLE_ZONE], {
      cwd: workspace,
      env: { ...sandbox.env, ZONELINT_SERVER: SERVER, ZONELINT_RESULT: resultFile, ZONELINT_INCLUDED: INCLUDED_FILE },
      encoding: 'utf8',
      timeout: 50000,
    });
    assert.equal(run.error, undefined, `nvim could not run (Debian package neovim): ${String(run.error)}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { timeout?: boolean; diagnostics: NeovimDiagnostic[]; symbols?: string[] };
    assert.equal(run.status, 0, `nvim exited with ${run.status}: ${JSON.stringify(result)}\n${run.stdout}${run.stderr}`);
    const seen = sortDiagnostics(
      result.diagnostics.map((d): SeenDiagnostic => ({ file: d.file, code: d.code, severity: LSP_SEVERITY_NAMES[d.severity], range: d.range, related: d.related })),
    );
    const expected = (await expectedDiagnostics(workspace)).filter((d) => d.file === EXAMPLE_ZONE || d.file === INCLUDED_FILE);
    assert.deepEqual(seen, expected);
    assert.ok(result.diagnostics.every((d) => d.source === 'zonelint'));
    assert.deepEqual(result.symbols, ['@', 'ns1', 'mail', 'www', 'ftp', 'api', '_dmarc']);
  });
});
