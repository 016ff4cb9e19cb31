// `npm start`: builds the extension, installs it into a code-server kept in .cache/ (installed on the first run),
// and serves VS Code with examples/ as the workspace on http://127.0.0.1:8080 until Ctrl+C.
// PORT=9000 npm start serves on another port.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, setupCodeServer } from './setup-code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const state = path.join(root, '.cache', 'start');
const workspace = path.join(root, 'examples');
/** What the installed extension consists of: the same files the .vsix holds. */
const EXTENSION_FILES = ['package.json', 'dist/client.js', 'dist/server.js', 'syntaxes', 'language-configuration.json', 'README.md'];
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
};

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('the build failed');
try {
  setupCodeServer();
} catch (error) {
  fail(error.message);
}
const extensionsDir = installExtension();
const userData = path.join(state, 'user-data');
mkdirSync(path.join(userData, 'User'), { recursive: true });
const settingsFile = path.join(userData, 'User', 'settings.json');
if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(USER_SETTINGS, null, 2));
if (!existsSync(workspace) || readdirSync(workspace).length === 0) console.warn(`note: ${workspace} holds no zone files yet`);

const xdg = (name) => {
  const dir = path.join(state, 'xdg', name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
// code-server writes its config.yaml and logs under the XDG folders; they stay in .cache/start, not in ~.
const env = { ...process.env, XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data') };
const args = [
  '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  '--user-data-dir', userData, '--extensions-dir', extensionsDir, workspace,
];
// Its own process group: code-server starts extension hosts and language servers that must end with it.
const server = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // The group is already gone.
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
await waitUntilServing(`http://127.0.0.1:${port}/healthz`);
console.log(`\nzonelint in VS Code: http://127.0.0.1:${port}/  (workspace ${workspace}; Ctrl+C stops it)\n`);

/** Copies the built extension where code-server looks for installed extensions, replacing an older copy. */
function installExtension() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dir = path.join(state, 'extensions');
  mkdirSync(dir, { recursive: true });
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  for (const name of readdirSync(dir)) if (name.toLowerCase().startsWith(`${id}-`)) rmSync(path.join(dir, name), { recursive: true, force: true });
  // code-server rebuilds its list of installed extensions from the folders when the list is gone.
  rmSync(path.join(dir, 'extensions.json'), { force: true });
  const target = path.join(dir, `${id}-${manifest.version}`);
  for (const file of EXTENSION_FILES) cpSync(path.join(root, file), path.join(target, file), { recursive: true });
  return dir;
}

async function waitUntilServing(url) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const request = http.get(url, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  fail(`code-server did not answer on ${url}`);
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}
