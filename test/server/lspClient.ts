// A minimal LSP client for tests: spawns the language server with `--stdio`, speaks JSON-RPC to it, records what
// it publishes, and waits on those messages (never on a clock) with a deadline that names what it waited for.

import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import type { Diagnostic, InitializeParams, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver/node';

export class LspTestClient {
  readonly connection: ProtocolConnection;
  /** The last diagnostics published for each URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: { method: string; params: unknown }[] = [];
  /** The work-done progress the server reported, in order (`begin`, `report`, `end` values). */
  readonly progress: { kind: string; message?: string; percentage?: number }[] = [];
  /** What the server wrote to stderr, for failure messages. */
  stderr = '';
  private readonly listeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.changed();
    });
    this.connection.onUnhandledNotification((message) => {
      this.notifications.push({ method: message.method, params: message.params });
      this.changed();
    });
    // The server asks to register file watchers; a test client accepts and ignores them.
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        this.progress.push(value);
        this.changed();
      });
      return null;
    });
    this.connection.listen();
  }

  /** Starts `node <serverScript> --stdio` and initializes it. */
  /** Starts the server on one workspace folder, as an editor opens a folder of zones. */
  static startInFolder(options: {
    serverScript: string;
    folder: string;
    initializationOptions: unknown;
    capabilities?: InitializeParams['capabilities'];
  }): Promise<LspTestClient> {
    return LspTestClient.start({
      serverScript: options.serverScript,
      params: {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: [{ uri: pathToFileURL(options.folder).href, name: path.basename(options.folder) }],
        capabilities: options.capabilities ?? {},
        initializationOptions: options.initializationOptions,
      },
    });
  }

  static async start(options: { serverScript: string; params: InitializeParams }): Promise<LspTestClient> {
    const child = spawn(process.execPath, [options.serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspTestClient(child);
    await client.connection.sendRequest(InitializeRequest.type, options.params);
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with a URI's diagnostics once `accept` holds for them (checked now and after every publication). */
  waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const published = this.diagnostics.get(uri);
      return published !== undefined && accept(published.diagnostics) ? published.diagnostics : undefined;
    }, what);
  }

  /** Resolves with the first value `probe` returns, checked now and after every message from the server. */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr: ${this.stderr || '(empty)'}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(listener);
    });
  }

  /** Shuts the server down as a client should and returns its exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server without the protocol, for cleanup after a failed test. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
