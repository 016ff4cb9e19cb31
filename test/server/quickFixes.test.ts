// Quick fixes, fix-all, the generators, completion and term hovers over stdio, as any LSP client sees them: the
// capabilities the server advertises, each action's edit applied to the text and checked again by the server, and
// the `zonelint.bumpSerialOnFix` setting adding the SOA serial bump to a fix.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, Hover, InitializeResult, MarkupContent, Range } from 'vscode-languageserver/node';
import {
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../corpora';
import { copyFixtureWorkspace, EDITOR_SETTINGS, EXAMPLE_ZONE } from '../fixtures/workspace';
import type { GenerateResult } from '../../server/src/codeActions';
import type { GenerateParams } from '../../server/src/core/generators/requests';
import { LspTestClient } from './lspClient';
import { assertNoNewErrors, TestDocuments } from './testDocuments';

const SERVER = path.join(PROJECT_ROOT, 'bin', 'zonelint-language-server.js');

/** A zone with two safe fixes (a missing space between SPF strings, an unquoted DKIM record) and no DMARC record. */
const ORG_ZONE = `$ORIGIN example.org.
$TTL 3600
@       IN SOA  ns1 hostmaster 2024010101 7200 3600 1209600 300
        IN NS   ns1
ns1     IN A    192.0.2.1
@       IN TXT  "v=spf1 ip4:192.0.2.0/24" "-all"
old._domainkey IN TXT v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
`;

describe('quick fixes, generators, completion and term hovers over stdio', function () {
  let folder: string;
  let client: LspTestClient;
  let documents: TestDocuments;
  let comUri: string;
  let orgUri: string;
  /** The diagnostics of each document as first published, before any test edits it. */
  const first = new Map<string, Diagnostic[]>();

  before(async () => {
    folder = copyFixtureWorkspace();
    writeFileSync(path.join(folder, 'example.org.zone'), ORG_ZONE);
    comUri = pathToFileURL(path.join(folder, EXAMPLE_ZONE)).href;
    orgUri = pathToFileURL(path.join(folder, 'example.org.zone')).href;
    client = await LspTestClient.startInFolder({ serverScript: SERVER, folder, initializationOptions: { settings: EDITOR_SETTINGS } });
    documents = new TestDocuments(client);
    first.set(comUri, await documents.open(comUri));
    first.set(orgUri, await documents.open(orgUri));
  });

  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('advertises quick fixes, fix-all, completion and the generate command', async () => {
    const { capabilities } = await initializeResult();
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.zonelint'] });
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: [' ', '=', ':', ';', '"'] });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['zonelint.generate'] });
    assert.equal(capabilities.hoverProvider, true);
  });

  it('offers the fixes of a finding, the preferred one first, and its edit removes the finding', async () => {
    const policyNone = findingOf(comUri, 'dmarc-policy-none');
    const actions = await codeActionsAt(comUri, policyNone.range, [policyNone]);
    assert.deepEqual(
      actions.map((action) => `${action.kind} ${action.isPreferred === true ? '* ' : ''}${action.title}`),
      [
        'quickfix * Move to the next stage: p=quarantine (failing mail goes to spam)',
        'quickfix Go straight to p=reject (failing mail is refused)',
        'quickfix Disable dmarc-policy-none for this line',
      ],
    );
    const preferred = actions[0];
    assert.deepEqual(preferred.diagnostics, [policyNone]);
    const after = await applyAndRestore(preferred, comUri, (diagnostics) => {
      assert.match(documents.text(comUri), /_dmarc {2}IN TXT {2}"v=DMARC1; p=quarantine; rua=mailto:dmarc@example\.net"/);
      return diagnostics;
    });
    assert.equal(after.filter((d) => d.code === 'dmarc-policy-none').length, 0);
    assertNoNewErrors(first.get(comUri)!, after, preferred.title);
  });

  it('offers no action where there is no finding, and none for an unknown document', async () => {
    assert.deepEqual(await codeActionsAt(comUri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, []), []);
    assert.deepEqual(await codeActionsAt(pathToFileURL(path.join(folder, 'unknown.zone')).href, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
  });

  it('fixes every safe problem of a document with source.fixAll.zonelint', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: ORG_ZONE.split('\n').length, character: 0 } };
    const actions = await codeActionsAt(orgUri, whole, [], ['source.fixAll.zonelint']);
    assert.deepEqual(actions.map((action) => `${action.kind} ${action.title}`), ['source.fixAll.zonelint Fix all safe zonelint problems (2)']);
    const after = await applyAndRestore(actions[0], orgUri, (diagnostics) => {
      const text = documents.text(orgUri);
      assert.match(text, /"v=spf1 ip4:192\.0\.2\.0\/24 " "-all"/);
      assert.match(text, /old\._domainkey IN TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS\/7TyWQHOg7hcvPapiMlrwIaaPcHURo="/);
      return diagnostics;
    });
    assert.deepEqual(after.map((d) => d.code), ['mail-dmarc-missing']);
  });

  it('runs a generator through workspace/executeCommand zonelint.generate and returns its edit', async () => {
    const params: GenerateParams = { uri: orgUri, position: { line: 2, character: 0 }, request: { kind: 'dmarc', policy: 'reject', reportAddress: 'dmarc@example.org' } };
    const result = await generate([params]);
    assert.equal(result?.kind, 'edit');
    if (result?.kind !== 'edit') return;
    assert.match(result.title, /DMARC/);
    assert.deepEqual(Object.keys(result.edit.changes ?? {}), [orgUri]);
    const after = await documents.applyEdit(result.edit, orgUri);
    try {
      assert.match(documents.text(orgUri), /^_dmarc\s+(\d+\s+)?IN\s+TXT\s+"v=DMARC1; p=reject; rua=mailto:dmarc@example\.org"$/m);
      assert.equal(after.filter((d) => d.code === 'mail-dmarc-missing').length, 0);
      assertNoNewErrors(first.get(orgUri)!, after, result.title);
    } finally {
      await documents.setTexts(new Map([[orgUri, ORG_ZONE]]), orgUri);
    }
  });

  it('bumps the SOA serial to today through zonelint.generate', async () => {
    const result = await generate([{ uri: comUri, position: { line: 0, character: 0 }, request: { kind: 'bump-serial' } }]);
    assert.equal(result?.kind, 'edit');
    if (result?.kind !== 'edit') return;
    const edits = result.edit.changes?.[comUri] ?? [];
    assert.deepEqual(edits, [{ range: rangeOf(comUri, '2024010101'), newText: todaysSerial() }]);
  });

  const refusals: { name: string; args: unknown[] | undefined; reason: RegExp }[] = [
    { name: 'no argument', args: undefined, reason: /takes one argument/ },
    { name: 'an argument without a position', args: [{ uri: 'file:///x.zone', request: { kind: 'spf' } }], reason: /takes one argument/ },
    { name: 'a generator that does not exist', args: [{ uri: 'file:///x.zone', position: { line: 0, character: 0 }, request: { kind: 'mx' } }], reason: /takes one argument/ },
    { name: 'a document the server does not know', args: [{ uri: 'file:///nowhere/x.zone', position: { line: 0, character: 0 }, request: { kind: 'spf' } }], reason: /does not know this document/ },
  ];
  for (const refusal of refusals) {
    it(`refuses zonelint.generate with ${refusal.name}`, async () => {
      const result = await generate(refusal.args);
      assert.equal(result?.kind, 'refused');
      if (result?.kind === 'refused') assert.match(result.reason, refusal.reason);
    });
  }

  it('completes SPF mechanisms after v=spf1 and a space', async () => {
    const position = documents.positionOf(comUri, '"v=spf1 mx', '"v=spf1 '.length);
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: comUri }, position })) as CompletionItem[];
    const labels = items.map((item) => item.label);
    for (const label of ['include:', 'a', 'mx', 'ip4:', 'ip6:', 'exists:', 'redirect=', '-all', '~all']) assert.ok(labels.includes(label), `no ${label} in ${labels.join(' ')}`);
    assert.ok(!labels.includes('ptr'), 'ptr should not be offered');
    const include = items.find((item) => item.label === 'include:')!;
    assert.equal(include.kind, CompletionItemKind.Keyword);
    assert.deepEqual(include.textEdit, { range: { start: position, end: position }, newText: 'include:' });
  });

  it('hovers an SPF term with its meaning above the record lookup tree, and keeps the name hover on its domain', async () => {
    const term = await hoverAt('include:_spf.example.net', 2);
    const markdown = (term.contents as MarkupContent).value;
    assert.match(markdown, /^`include:_spf\.example\.net`: Evaluates the SPF record of another domain[^\n]*\(RFC 7208 §5\.2\)\n\nQualifier `\+`: pass/);
    assert.match(markdown, /\n\n---\n\n\*\*SPF record\*\* of `example\.com`: lookups 2\/10/);
    assert.deepEqual(term.range, rangeOf(comUri, 'include:_spf.example.net'));
    const domain = await hoverAt('_spf.example.net', 2);
    assert.match((domain.contents as MarkupContent).value, /^SPF `include` domain\n\n`_spf\.example\.net\.`: 1 record in zone `example\.net\.`/);
  });

  it('bumps the SOA serial with every fix when zonelint.bumpSerialOnFix is on', async () => {
    const setBump = (on: boolean): Promise<Diagnostic[]> =>
      documents.afterChange(comUri, () => client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { zonelint: { ...EDITOR_SETTINGS, bumpSerialOnFix: on } } }));
    await setBump(true);
    try {
      const policyNone = findingOf(comUri, 'dmarc-policy-none');
      const [preferred] = await codeActionsAt(comUri, policyNone.range, [policyNone]);
      const edits = preferred.edit?.changes?.[comUri] ?? [];
      assert.deepEqual(
        edits.map((edit) => edit.newText),
        ['quarantine', todaysSerial()],
      );
      assert.deepEqual(edits[1].range, rangeOf(comUri, '2024010101'));
    } finally {
      await setBump(false);
    }
    const [preferred] = await codeActionsAt(comUri, findingOf(comUri, 'dmarc-policy-none').range, []);
    assert.equal(preferred.edit?.changes?.[comUri].length, 1, 'the setting turned off again');
  });

  function findingOf(uri: string, code: string): Diagnostic {
    const found = first.get(uri)?.find((d) => d.code === code);
    assert.ok(found !== undefined, `no ${code} in ${uri}`);
    return found;
  }

  async function codeActionsAt(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const context = only === undefined ? { diagnostics } : { diagnostics, only };
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context })) as CodeAction[];
  }

  /** Applies the action's edit, hands the re-checked diagnostics to `inspect`, and puts the document back. */
  async function applyAndRestore<T>(action: CodeAction, uri: string, inspect: (diagnostics: Diagnostic[]) => T): Promise<T> {
    assert.ok(action.edit !== undefined, `"${action.title}" has no edit`);
    const before = documents.snapshot();
    try {
      return inspect(await documents.applyEdit(action.edit, uri));
    } finally {
      await documents.restore(before, uri);
    }
  }

  function generate(args: unknown[] | undefined): Promise<GenerateResult | null> {
    return client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'zonelint.generate', ...(args === undefined ? {} : { arguments: args }) }) as Promise<GenerateResult | null>;
  }

  async function hoverAt(needle: string, into: number): Promise<Hover> {
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: comUri }, position: documents.positionOf(comUri, needle, into) })) as Hover | null;
    assert.ok(hover !== null, `no hover at ${needle}`);
    return hover;
  }

  function rangeOf(uri: string, needle: string): Range {
    return { start: documents.positionOf(uri, needle), end: documents.positionOf(uri, needle, needle.length) };
  }
});

/** The date serial `YYYYMMDD00` of today (UTC), what a bump of the fixture's 2024 serial writes. */
function todaysSerial(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}00`;
}

/** What a fresh server answers to `initialize`: its capabilities (the shared test client does not keep them). */
async function initializeResult(): Promise<InitializeResult> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    return await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  } finally {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
    connection.dispose();
  }
}
