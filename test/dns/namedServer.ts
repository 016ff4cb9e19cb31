// Real DNS servers on 127.0.0.1 for the live-DNS tests: BIND's `named` serving fixture zones from a throw-away
// folder on a free port, and a "black hole" UDP socket that reads queries and never answers (for timeouts).

import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface NamedOptions {
  /** Zones served, by origin without the root dot, as master-file text. */
  readonly zones: Readonly<Record<string, string>>;
  /** Zones declared with a primary file that does not exist: named answers SERVFAIL for every name in them. */
  readonly failingZones?: readonly string[];
}

export interface NamedServer {
  /** `127.0.0.1:PORT`, as the dnsServer setting takes it. */
  readonly address: string;
  /** Everything named logged, for failure messages. */
  log(): string;
  /** Stops named (SIGTERM, then SIGKILL if it lingers), waits for it to exit and removes its folder. */
  stop(): Promise<void>;
}

export interface BlackHole {
  readonly address: string;
  /** Datagrams received so far. */
  readonly received: number;
  close(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
const START_ATTEMPTS = 3;

/** Runs `named` in the foreground with the given zones on a free loopback port, once it logs `running`. */
export async function startNamed(options: NamedOptions): Promise<NamedServer> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dns-named-'));
  try {
    for (const [origin, text] of Object.entries(options.zones)) writeFileSync(path.join(folder, zoneFile(origin)), text);
    // Another process may take the free port between the probe and named's bind: then try a new one.
    let lastError: Error | undefined;
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      const port = await freeLoopbackPort();
      writeFileSync(path.join(folder, 'named.conf'), namedConf({ folder, port, options }));
      try {
        return await launch({ folder, port, failingZones: options.failingZones ?? [] });
      } catch (error) {
        lastError = error as Error;
        if (!(error instanceof PortTaken)) break;
      }
    }
    throw lastError ?? new Error('named did not start');
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** A UDP socket on a free loopback port that counts what it receives and answers nothing. */
export async function startBlackHole(): Promise<BlackHole> {
  const socket = dgram.createSocket('udp4');
  let received = 0;
  socket.on('message', () => received++);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    address: `127.0.0.1:${socket.address().port}`,
    get received() {
      return received;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

class PortTaken extends Error {}

/** What named logs when another process holds its port (it then exits). */
const PORT_TAKEN = /address in use|unable to listen on any configured interfaces/;

function zoneFile(origin: string): string {
  return `${origin}.zone`;
}

function namedConf(input: { folder: string; port: number; options: NamedOptions }): string {
  const zones = [
    ...Object.keys(input.options.zones).map((origin) => `zone "${origin}" { type primary; file "${zoneFile(origin)}"; };`),
    ...(input.options.failingZones ?? []).map((origin) => `zone "${origin}" { type primary; file "missing-${zoneFile(origin)}"; };`),
  ];
  // recursion off: names outside the zones get REFUSED, never a query upstream; notify off: the fixture NS
  // records would otherwise send NOTIFY messages off the machine; controls empty: no rndc port.
  return `options {
  directory "${input.folder}";
  listen-on port ${input.port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  notify no;
  pid-file "${input.folder}/named.pid";
  session-keyfile none;
};
controls { };
${zones.join('\n')}
`;
}

/** A port free for both UDP and TCP on 127.0.0.1 (named listens on both). */
async function freeLoopbackPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const port = socket.address().port;
  const server = net.createServer();
  const tcpFree = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  if (tcpFree) await new Promise<void>((resolve) => server.close(() => resolve()));
  return tcpFree ? port : freeLoopbackPort();
}

function namedCommand(): string {
  if (spawnSync('sh', ['-c', 'command -v named'], { stdio: 'ignore' }).status === 0) return 'named';
  if (existsSync('/usr/sbin/named')) return '/usr/sbin/named';
  throw new Error('named is missing: install the Debian package bind9 (npm test installs it)');
}

function launch(input: { folder: string; port: number; failingZones: readonly string[] }): Promise<NamedServer> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = ['-g', '-n', '1', ...(isRoot ? ['-u', 'root'] : []), '-c', path.join(input.folder, 'named.conf')];
  const child = spawn(namedCommand(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  let settled = false;
  return new Promise<NamedServer>((resolve, reject) => {
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child, exited).then(() => reject(error));
    };
    const timer = setTimeout(() => fail(new Error(`named did not log "running" within ${STARTUP_TIMEOUT_MS} ms:\n${log}`)), STARTUP_TIMEOUT_MS);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      const message = `named exited (${code ?? signal}) before it was running:\n${log}`;
      fail(PORT_TAKEN.test(log) ? new PortTaken(message) : new Error(message));
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      log += chunk;
      if (settled) return;
      if (PORT_TAKEN.test(log)) return fail(new PortTaken(`port ${input.port} is taken:\n${log}`));
      const unloaded = [...log.matchAll(/zone ([^/\s]+)\/IN: not loaded due to errors/g)].map((match) => match[1]);
      const broken = unloaded.filter((origin) => !input.failingZones.includes(origin));
      if (broken.length > 0) return fail(new Error(`named could not load the fixture zone ${broken.join(', ')}:\n${log}`));
      if (!ready(log)) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        address: `127.0.0.1:${input.port}`,
        log: () => log,
        stop: async () => {
          await stopChild(child, exited);
          rmSync(input.folder, { recursive: true, force: true });
        },
      });
    });
  });
}

/** True once named logged the whole line that ends its startup: a timestamp, then just `running`. */
function ready(log: string): boolean {
  return /^\S+ \S+ running\n/m.test(log);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  // No pid: it never started. An exit code or signal: it already ended.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const lingering = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(lingering);
}
