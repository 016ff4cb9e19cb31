// The record generators of the command palette (Add DMARC record, Add SPF record, Add Microsoft 365 DKIM records,
// Add DKIM key record, Make this domain no-mail, Bump SOA serial) and the commands quick fixes run (copy a record,
// select a placeholder). This side asks the user and applies edits; the server's `zonelint.generate` makes them.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import type { GenerateResult } from '../../../server/src/codeActions';
import type {
  CopyRecordArguments,
  GenerateParams,
  GeneratorRequest,
  Microsoft365DkimArguments,
  PolicyStage,
  SelectArguments,
} from '../../../server/src/core/generators/requests';
import { CLIENT_COMMANDS, GENERATE_COMMAND } from '../../../server/src/core/generators/requests';

const TITLE = 'zonelint';

/** Where a generator works: the document and, when a quick fix already knows it, the mail domain. */
interface Target {
  readonly uri: string;
  readonly domain?: string;
}

/**
 * Registers the generator and fix commands. `client` returns the running language client (it changes when the
 * server restarts). Each generator command resolves with what the server answered, or undefined when cancelled.
 */
export function registerGeneratorCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const run = (request: GeneratorRequest, target?: Target): Promise<GenerateResult | undefined> => generate({ client: client(), request, target });
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.addDmarcRecord, async () => {
      const request = await askDmarc();
      return request === undefined ? undefined : run(request);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.addSpfRecord, () => run({ kind: 'spf' })),
    vscode.commands.registerCommand(CLIENT_COMMANDS.addMicrosoft365Dkim, async (given?: Microsoft365DkimArguments) => {
      const input = await vscode.window.showInputBox({
        title: `${TITLE}: Add Microsoft 365 DKIM records`,
        prompt: 'Paste the output of Get-DkimSigningConfig -Identity <domain> | Format-List Selector1CNAME, Selector2CNAME, or type the tenant name (contoso for contoso.onmicrosoft.com)',
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? 'the CNAME targets or the tenant name' : undefined),
      });
      return input === undefined ? undefined : run({ kind: 'microsoft365-dkim', input }, given);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.addDkimKeyRecord, async () => {
      const request = await askDkimKey();
      return request === undefined ? undefined : run(request);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.makeNoMail, async () => {
      const confirm = 'Make it no-mail';
      const answer = await vscode.window.showWarningMessage(
        'Make the domain at the cursor a no-mail domain? Its MX records become one null MX (0 .), its SPF record v=spf1 -all, and its DMARC policy p=reject.',
        { modal: true },
        confirm,
      );
      return answer === confirm ? run({ kind: 'no-mail' }) : undefined;
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.bumpSerial, () => run({ kind: 'bump-serial' })),
    vscode.commands.registerCommand(CLIENT_COMMANDS.copyRecord, async (args: CopyRecordArguments) => {
      await vscode.env.clipboard.writeText(args.text);
      void vscode.window.showInformationMessage(args.message);
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.selectPlaceholder, (args: SelectArguments) => select(args)),
  );
}

/** Asks the server for the generator's edit, applies it, and selects its placeholder. */
async function generate(input: { client: LanguageClient | undefined; request: GeneratorRequest; target: Target | undefined }): Promise<GenerateResult | undefined> {
  const { client } = input;
  const editor = vscode.window.activeTextEditor;
  const uri = input.target?.uri ?? editor?.document.uri.toString();
  if (uri === undefined) {
    void vscode.window.showErrorMessage(`${TITLE}: open a zone file first.`);
    return undefined;
  }
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage(`${TITLE}: the language server is not running; run "zonelint: Restart Language Server".`);
    return undefined;
  }
  const cursor = editor !== undefined && editor.document.uri.toString() === uri ? editor.selection.active : new vscode.Position(0, 0);
  const params: GenerateParams = {
    uri,
    position: { line: cursor.line, character: cursor.character },
    request: input.request,
    ...(input.target?.domain === undefined ? {} : { domain: input.target.domain }),
  };
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: GENERATE_COMMAND, arguments: [params] })) as GenerateResult | null;
  if (result === null) {
    void vscode.window.showErrorMessage(`${TITLE}: the server could not run the generator; see "zonelint: Show Server Log".`);
    return undefined;
  }
  if (result.kind === 'refused') {
    void vscode.window.showWarningMessage(`${TITLE}: ${result.reason}`);
    return result;
  }
  const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
  if (!applied) {
    void vscode.window.showErrorMessage(`${TITLE}: the edit could not be applied (the file changed meanwhile?); try again.`);
    return undefined;
  }
  if (result.select !== undefined) await select(result.select);
  return result;
}

async function askDmarc(): Promise<GeneratorRequest | undefined> {
  const stages: Array<vscode.QuickPickItem & { policy: PolicyStage }> = [
    { label: 'p=none', description: 'monitor: receivers only report (the first stage of a rollout)', policy: 'none' },
    { label: 'p=quarantine', description: 'failing mail goes to spam', policy: 'quarantine' },
    { label: 'p=reject', description: 'failing mail is refused', policy: 'reject' },
  ];
  const stage = await vscode.window.showQuickPick(stages, { title: `${TITLE}: Add DMARC record`, placeHolder: 'The policy for mail that fails DMARC' });
  if (stage === undefined) return undefined;
  const address = await vscode.window.showInputBox({
    title: `${TITLE}: Add DMARC record`,
    prompt: 'Where receivers send aggregate reports (rua); leave empty for dmarc-reports@<domain>, selected afterwards to type over',
    placeHolder: 'dmarc-reports@example.com',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim()) ? undefined : 'a mail address, like dmarc-reports@example.com'),
  });
  if (address === undefined) return undefined;
  return { kind: 'dmarc', policy: stage.policy, ...(address.trim() === '' ? {} : { reportAddress: address.trim() }) };
}

async function askDkimKey(): Promise<GeneratorRequest | undefined> {
  const title = `${TITLE}: Add DKIM key record`;
  const selector = await vscode.window.showInputBox({
    title,
    prompt: 'The selector (the s= of the signatures), often a date',
    placeHolder: '2025a',
    ignoreFocusOut: true,
    validateInput: (value) => (/^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/.test(value.trim()) ? undefined : 'letters, digits and hyphens'),
  });
  if (selector === undefined) return undefined;
  const paste = 'Paste the public key';
  const fromFile = 'Read a PEM file…';
  const source = await vscode.window.showQuickPick([paste, fromFile], { title, placeHolder: 'Where the public key comes from' });
  if (source === undefined) return undefined;
  let input: string | undefined;
  if (source === fromFile) {
    const files = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { 'Public keys': ['pem', 'pub', 'key', 'txt'], 'All files': ['*'] } });
    if (files === undefined || files.length === 0) return undefined;
    input = new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0]));
  } else {
    input = await vscode.window.showInputBox({ title, prompt: 'A PEM public key, a p= value, or the whole v=DKIM1 record', ignoreFocusOut: true });
  }
  return input === undefined ? undefined : { kind: 'dkim-key', selector: selector.trim(), input };
}

/** Shows the document and selects the range (a placeholder to type over). */
async function select(args: SelectArguments): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const editor = await vscode.window.showTextDocument(document);
  const range = new vscode.Range(args.range.start.line, args.range.start.character, args.range.end.line, args.range.end.character);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
}
