// The VS Code extension: starts the zonelint language server over IPC (and again if it dies), tells it whether the
// workspace is trusted, shows each zone's status in the status bar, tests SPF for an address the user types, and
// offers the record generators. All analysis happens in the server.

import { isIP } from 'node:net';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { MAX_DNS_TERMS, MAX_VOID_LOOKUPS } from '../../server/src/core/email/spf/evaluate';
import type { CheckSpfParams, CheckSpfResult, InitializationOptions, ZoneStatusParams } from '../../server/src/protocol';
import { CHECK_SPF_REQUEST, ZONE_STATUS_NOTIFICATION } from '../../server/src/protocol';
import { registerGeneratorCommands } from './commands/generators';
import { LANGUAGE_ID, ZoneStatusBar } from './statusBar';

const SHOW_OUTPUT_COMMAND = 'zonelint.showOutput';
const RESTART_COMMAND = 'zonelint.restartServer';
const TEST_SPF_COMMAND = 'zonelint.testSpf';
const TEST_SPF_TITLE = 'zonelint: Test SPF for an address';
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

/** What `zonelint.testSpf` may be given instead of asking (by tests, keybindings or other extensions). */
export interface TestSpfArguments {
  /** The sending host's IPv4 or IPv6 address. */
  readonly ip?: string;
  /** A MAIL FROM address (`user@domain`), or a HELO name to check as a bounce. */
  readonly sender?: string;
}

export async function activate(context: vscode.ExtensionContext): Promise<ZonelintApi> {
  const output = vscode.window.createOutputChannel('zonelint');
  const trace = vscode.window.createOutputChannel('zonelint (LSP trace)');
  const spfOutput = vscode.window.createOutputChannel('zonelint (SPF tests)');
  const statusBar = new ZoneStatusBar(SHOW_OUTPUT_COMMAND);
  context.subscriptions.push(output, trace, spfOutput, statusBar);

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
    vscode.commands.registerCommand(TEST_SPF_COMMAND, (given?: TestSpfArguments) => testSpf({ client, output: spfOutput, defaultDomain: activeZoneDomain(statusBar), given })),
    // Trust is read once when the server starts: granting it starts a server that may use DNS and `$INCLUDE`.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.appendLine('Workspace trusted: restarting the server with DNS lookups and $INCLUDE allowed.');
      void restart();
    }),
  );
  // A getter, because a restart replaces the client.
  registerGeneratorCommands(context, () => client);
  await start();
  return { zoneStatus: (uri) => statusBar.statusOf(uri) };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

/**
 * The "Test SPF for an address" command: asks for the sending address and the sender (unless given), runs
 * check_host() in the server over the resolver the lint uses (workspace zones first, then DNS), and shows the
 * result, explanation and trace. Returns the evaluation; undefined when cancelled or when nothing could run.
 */
async function testSpf(input: { client: LanguageClient | undefined; output: vscode.OutputChannel; defaultDomain: string | undefined; given: TestSpfArguments | undefined }): Promise<CheckSpfResult | undefined> {
  const ip =
    input.given?.ip ??
    (await vscode.window.showInputBox({ title: TEST_SPF_TITLE, prompt: 'The IP address of the host that sends the mail', placeHolder: '192.0.2.25 or 2001:db8::25', ignoreFocusOut: true, validateInput: ipProblem }));
  if (ip === undefined) return undefined;
  const suggested = input.defaultDomain === undefined ? undefined : `postmaster@${input.defaultDomain}`;
  const sender =
    input.given?.sender ??
    (await vscode.window.showInputBox({
      title: TEST_SPF_TITLE,
      prompt: 'The sender: a MAIL FROM address (user@domain), or a HELO name to check as a bounce',
      value: suggested,
      valueSelection: suggested === undefined ? undefined : [0, 'postmaster'.length],
      ignoreFocusOut: true,
      validateInput: senderProblem,
    }));
  if (sender === undefined) return undefined;
  // Arguments skip the input boxes, and with them the validation: check them here too.
  const problem = ipProblem(ip) ?? senderProblem(sender);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(`${TEST_SPF_TITLE}: ${problem}`);
    return undefined;
  }
  if (input.client === undefined || !input.client.isRunning()) {
    void vscode.window.showErrorMessage(`${TEST_SPF_TITLE}: the language server is not running; run "zonelint: Restart Language Server".`);
    return undefined;
  }
  const params = checkSpfParams(ip.trim(), sender.trim());
  const evaluation = await input.client.sendRequest<CheckSpfResult | null>(CHECK_SPF_REQUEST, params);
  if (evaluation === null) {
    void vscode.window.showErrorMessage(`${TEST_SPF_TITLE}: the server could not run the check; see "zonelint: Show Server Log".`);
    return undefined;
  }
  showEvaluation({ output: input.output, ip: params.ip, sender: sender.trim(), evaluation });
  return evaluation;
}

/** A sender with `@` is a MAIL FROM address whose domain doubles as the HELO name; without, a HELO name checked as a bounce. */
function checkSpfParams(ip: string, sender: string): CheckSpfParams {
  const at = sender.lastIndexOf('@');
  return at < 0 ? { ip, mailFrom: '', helo: sender } : { ip, mailFrom: sender, helo: sender.slice(at + 1) };
}

function ipProblem(value: string): string | undefined {
  return isIP(value.trim()) === 0 ? 'not an IPv4 or IPv6 address' : undefined;
}

function senderProblem(value: string): string | undefined {
  const sender = value.trim();
  if (/\s/.test(sender)) return 'a sender has no spaces';
  const at = sender.lastIndexOf('@');
  if (at === 0) return 'give the part before @ too (user@domain)';
  const domain = sender.slice(at + 1);
  if (!/^[^.@]+(\.[^.@]+)*\.?$/.test(domain)) return at < 0 ? 'give user@domain, or a HELO name such as mail.example.com' : `"${domain}" is not a domain name`;
  return undefined;
}

/** The active zone's origin without the root dot, the domain a sender most likely tests. */
function activeZoneDomain(statusBar: ZoneStatusBar): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  const origin = document === undefined ? undefined : statusBar.statusOf(document.uri.toString())?.origin;
  return origin === undefined || origin === null || origin === '.' ? undefined : origin.replace(/\.$/, '');
}

/** Appends the result, explanation, counts and trace to the output channel, shows it, and says the result. */
function showEvaluation(input: { output: vscode.OutputChannel; ip: string; sender: string; evaluation: CheckSpfResult }): void {
  const { output, evaluation } = input;
  const headline = `SPF ${evaluation.result} for ${input.ip} sending as ${input.sender}`;
  output.appendLine(headline);
  if (evaluation.explanation !== '') output.appendLine(`  explanation: ${evaluation.explanation}`);
  output.appendLine(`  DNS lookups ${evaluation.lookups}/${MAX_DNS_TERMS}, void lookups ${evaluation.voidLookups}/${MAX_VOID_LOOKUPS}`);
  output.appendLine('  trace:');
  for (const step of evaluation.trace) output.appendLine(`    ${'  '.repeat(step.depth)}${step.domain}: ${step.message}`);
  output.appendLine('');
  output.show(true);
  // Not awaited: the message stays until dismissed, and the command's caller gets the evaluation at once.
  void vscode.window.showInformationMessage(evaluation.explanation === '' ? headline : `${headline}: ${evaluation.explanation}`);
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
