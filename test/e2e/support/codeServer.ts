// code-server for the tests: installed once by scripts/setup-code-server.mjs (cached in .cache/), started in its own
// process group on a free port of 127.0.0.1 with an isolated profile, and ended with that whole group.

import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../corpora';
import type { Sandbox } from './sandbox';

/** The user settings of the test profile: no telemetry, updates, tips or AI features, and no DNS from zonelint. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.stickyScroll.enabled': false,
  'zonelint.dns': 'off',
};

export interface CodeServer {
  /** `127.0.0.1:PORT`, also the workbench's remote authority. */
  readonly authority: string;
  readonly url: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Installs code-server on the first run (about 90 s) and returns its binary. */
export function ensureCodeServer(): string {
  const setup = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'setup-code-server.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) throw new Error(`scripts/setup-code-server.mjs failed with status ${setup.status}`);
  return setup.stdout.trim().split('\n').pop()!;
}

export async function startCodeServer(options: { sandbox: Sandbox; workspace: string; extensionsDir?: string }): Promise<CodeServer> {
  const binary = ensureCodeServer();
  const port = await freePort();
  const userData = path.join(options.sandbox.root, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const extensionsDir = options.extensionsDir ?? path.join(options.sandbox.root, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--ignore-last-opened', options.workspace,
  ];
  // A process group of its own: code-server keeps extension hosts and language servers alive for hours after a
  // tab closes, so stop() ends the whole group.
  const child = spawn(binary, args, { env: options.sandbox.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const authority = `127.0.0.1:${port}`;
  const server: CodeServer = { authority, url: `http://${authority}`, output: () => output, stop: () => stopGroup(child) };
  try {
    await waitUntilHealthy({ url: `${server.url}/healthz`, child, output: () => output });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilHealthy(input: { url: string; child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (input.child.exitCode !== null) throw new Error(`code-server exited with ${input.child.exitCode}: ${input.output()}`);
    if (await answers(input.url)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${input.url} within 30 s: ${input.output()}`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(1000, () => request.destroy());
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Ends a detached child's process group: TERM, then KILL if anything is left after two seconds. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(group, name);
      return true;
    } catch {
      return false;
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    if (!signal(0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal('SIGKILL');
}
