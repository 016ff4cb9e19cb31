// Installs code-server 4.100.3 (VS Code 1.100, the newest release that runs on Node 20) into .cache/ once, with the
// workarounds this offline machine needs (see shared/notes/real-editors.md), and prints the path of its binary.
// Usage: node scripts/setup-code-server.mjs    (the e2e tests and `npm start` run it; a second run takes no time)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the finished install lives; its presence (with the marker file) means the install completed. */
export const installDir = path.join(root, '.cache', `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = path.join(installDir, 'node_modules', '.bin', 'code-server');
const doneMarker = path.join(installDir, '.installed');

// Native modules of code-server and VS Code build from source here (their prebuilt downloads come from GitHub,
// which is unreachable): these are the headers and tools the builds need, and ripgrep for the seeded cache.
const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep'];

// @vscode/ripgrep downloads this archive from GitHub in its postinstall; it looks in this cache folder first.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    setupCodeServer();
    console.log(codeServerBin);
  } catch (error) {
    console.error(`setup-code-server: ${error.message}`);
    process.exit(1);
  }
}

/** Installs code-server when the cache does not hold a complete install yet. */
export function setupCodeServer() {
  if (existsSync(doneMarker) && existsSync(codeServerBin)) return;
  ensureBuildPackages();
  const staging = `${installDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const tmp = path.join(staging, 'tmp');
  mkdirSync(path.join(tmp, RIPGREP_CACHE), { recursive: true });
  seedRipgrepCache(path.join(tmp, RIPGREP_CACHE));
  // A package.json of its own keeps npm from installing into the project; its allowScripts approves the install
  // scripts npm 11 flags (code-server's postinstall builds VS Code's native modules, argon2 builds from source).
  writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'zonelint-code-server', private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2),
  );
  console.error(`setup-code-server: installing code-server ${CODE_SERVER_VERSION} into ${installDir} (about 90 s, once)`);
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: staging,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      TMPDIR: tmp,
      // The postinstall refuses to run as root without it (npm 11 warns that it is unknown, but still passes it on).
      npm_config_unsafe_perm: 'true',
      // node-pty's build runs `npx node-gyp`, which would otherwise stop at a prompt this machine answers with no.
      npm_config_yes: 'true',
      // Node's headers come from Debian's /usr/include/node, not from nodejs.org.
      npm_config_nodedir: '/usr',
    },
  });
  if (result.status !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status})`);
  const stagedBin = path.join(staging, 'node_modules', '.bin', 'code-server');
  const version = spawnSync(stagedBin, ['--version'], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp } });
  if (version.status !== 0 || !version.stdout.split('\n').some((line) => line.startsWith(`${CODE_SERVER_VERSION} `))) {
    throw new Error(`the installed code-server does not run: ${version.stderr || version.stdout}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(path.join(staging, '.installed'), `${CODE_SERVER_VERSION}\n`);
  rmSync(installDir, { recursive: true, force: true });
  renameSync(staging, installDir);
  console.error(`setup-code-server: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function ensureBuildPackages() {
  const missing = BUILD_PACKAGES.filter((pkg) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return query.status !== 0 || !query.stdout.includes('install ok installed');
  });
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`missing Debian packages to build code-server: sudo apt-get install -y ${missing.join(' ')}`);
  console.error(`setup-code-server: installing Debian packages ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
}

/** Puts Debian's ripgrep in the archive @vscode/ripgrep would download, so its postinstall needs no network. */
function seedRipgrepCache(cacheDir) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (rg === '') throw new Error('ripgrep (rg) is not installed');
  copyFileSync(rg, path.join(cacheDir, 'rg'));
  const tar = spawnSync('tar', ['czf', RIPGREP_ARCHIVE, 'rg'], { cwd: cacheDir });
  if (tar.status !== 0) throw new Error('could not build the ripgrep archive');
  rmSync(path.join(cacheDir, 'rg'));
}
