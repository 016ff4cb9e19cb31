// The Debian packages the test tiers need, and their installation when missing (as root, from Debian's archive).

import { spawnSync } from 'node:child_process';

/** Command each package provides, so a present tool is never reinstalled. */
export const DEBIAN_TOOLS = [
  { command: 'named-checkzone', pkg: 'bind9-utils', why: 'the reference zone parser for the conformance tests' },
  { command: 'kzonecheck', pkg: 'knot-dnssecutils', why: 'the second zone checker in the benchmark' },
  { command: 'named', pkg: 'bind9', why: 'the real DNS server of the live-DNS tests' },
  { command: 'chromium', pkg: 'chromium', why: 'the browser that drives code-server in the VS Code tests (test/e2e)' },
  { command: 'nvim', pkg: 'neovim', why: 'the second LSP client of the editor tests (test/e2e/neovim.test.ts)' },
];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command} || test -x /usr/sbin/${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs the missing packages with apt-get, or stops naming them when that is not possible. */
export function ensureDebianPackages(tools = DEBIAN_TOOLS) {
  const missing = tools.filter((tool) => !has(tool.command));
  if (missing.length === 0) return;
  const names = [...new Set(missing.map((tool) => tool.pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    for (const tool of missing) console.error(`missing ${tool.command} (Debian package ${tool.pkg}): ${tool.why}`);
    console.error(`install them with: sudo apt-get install -y ${names.join(' ')}`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
  const still = tools.filter((tool) => !has(tool.command));
  if (result.status !== 0 || still.length > 0) {
    console.error(`could not install: ${still.map((tool) => tool.pkg).join(' ')}`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
}
