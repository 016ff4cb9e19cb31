// The VS Code extension: starts the zonelint language server over IPC (and again if it dies), tells it whether the
// workspace is trusted, and shows each zone's status in the status bar. All analysis happens in the server.

import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions, ZoneStatusParams } from '../../server/src/protocol';
import { ZONE_STATUS_NOTIFICATION } from '../../server/src/protocol';
import { LANGUAGE_ID, ZoneStatusBar } from './statusBar';

const SHOW_OUTPUT_COMMAND = 'zonelint.showOutput';
const RESTART_COMMAND = 'zonelint.restartServer';
/** More crashes than this within the window stop the automatic restarts, so a server that cannot start does not loop. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

/** The running client; VS Code calls deactivate without context, so the stop there needs it here. */
let client: LanguageClient | undefined;

/** What the extension offers other extensions and its own tests. */
export interface ZonelintApi {
  /** The last status the server sent for a document URI. */
  zoneStatus(uri: string): ZoneStatusParams | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ZonelintApi> {
  const output = vscode.window.createOutputChannel('zonelint');
  const trace = vscode.window.createOutputChannel('zonelint (LSP trace)');
  const statusBar = new ZoneStatusBar(SHOW_OUTPUT_COMMAND);
  context.subscriptions.push(output, trace, statusBar);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = createClient({ serverOptions, output, trace });

  const start = async (): Promise<void> => {
    statusBar.clear();
    client?.onNotification(ZONE_STATUS_NOTIFICATION, (status: ZoneStatusParams) => statusBar.update(status));
    await client?.start();
  };
  const restart = async (): Promise<void> => {
    await client?.dispose();
    client = createClient({ serverOptions, output, trace });
    await start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    vscode.commands.registerCommand(RESTART_COMMAND, restart),
    // Trust is read once when the server starts: granting it starts a server that may use DNS and `$INCLUDE`.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.appendLine('Workspace trusted: restarting the server with DNS lookups and $INCLUDE allowed.');
      void restart();
    }),
  );
  await start();
  return { zoneStatus: (uri) => statusBar.statusOf(uri) };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

function createClient(input: { serverOptions: ServerOptions; output: vscode.OutputChannel; trace: vscode.OutputChannel }): LanguageClient {
  const crashes: number[] = [];
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    initializationOptions,
    synchronize: { configurationSection: 'zonelint' },
    outputChannel: input.output,
    traceOutputChannel: input.trace,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        while (crashes.length > 0 && now - crashes[0] > CRASH_WINDOW_MS) crashes.shift();
        crashes.push(now);
        if (crashes.length > MAX_CRASHES) {
          return { action: CloseAction.DoNotRestart, message: `The zonelint server stopped ${MAX_CRASHES} times in 3 minutes; see the zonelint output, then run "zonelint: Restart Server".` };
        }
        input.output.appendLine('The zonelint server stopped; restarting it.');
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  return new LanguageClient('zonelint', 'zonelint', input.serverOptions, clientOptions);
}
