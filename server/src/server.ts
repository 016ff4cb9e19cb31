// The language server's wiring: capabilities, and one line of glue per LSP message from the open documents and
// the session to a core service and back through toLsp. Every request handler runs inside runSafe.

import type { Connection, ExecuteCommandParams, InitializeResult } from 'vscode-languageserver/node';
import { TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import type { GenerateResult } from './codeActions';
import { CODE_ACTION_KINDS } from './codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, provideCompletions } from './completionProvider';
import { GENERATE_COMMAND } from './core/generators/requests';
import { definitionAt } from './core/services/definition';
import { foldingSpans } from './core/services/folding';
import { editorHoverAt } from './core/services/hover';
import { includeLinks } from './core/services/links';
import { spfLookupHints } from './core/services/spfLens';
import { documentSymbols } from './core/services/symbols';
import { OpenDocuments } from './documents';
import type { CheckSpfParams, CheckSpfResult } from './protocol';
import { CHECK_SPF_REQUEST } from './protocol';
import { runDetached, runSafe } from './runSafe';
import { ZoneSession } from './session';
import { toDocumentLinks, toDocumentSymbols, toFoldingRanges, toHover, toInlayHints, toLocation } from './toLsp';

export function startServer(connection: Connection): void {
  const textDocuments = new TextDocuments(TextDocument);
  const documents = new OpenDocuments(textDocuments);
  const log = (message: string): void => connection.console.log(message);
  let session: ZoneSession | undefined;
  const at = (uri: string) => session?.fileAt(uri);

  connection.onInitialize((params): InitializeResult => {
    session = new ZoneSession({ connection, documents, params, log });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'zonelint' },
        foldingRangeProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        executeCommandProvider: { commands: [GENERATE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'zonelint', version },
    };
  });
  connection.onInitialized(() => runDetached({ name: 'startup', log, task: () => session?.start() }));
  connection.onDidChangeConfiguration(({ settings }) => runDetached({ name: 'reading settings', log, task: () => session?.reloadSettings(settings) }));
  connection.onDidChangeWatchedFiles(({ changes }) => runDetached({ name: 'file changes', log, task: () => session?.watchedFilesChanged(changes) }));
  textDocuments.onDidChangeContent(({ document }) => runDetached({ name: 'document change', log, task: () => session?.documentChanged(document) }));
  textDocuments.onDidClose(({ document }) => runDetached({ name: 'document close', log, task: () => session?.documentClosed(document) }));

  connection.onDocumentSymbol(
    runSafe({
      name: 'documentSymbol',
      fallback: [],
      log,
      handler: ({ textDocument }) => {
        const target = at(textDocument.uri);
        return target === undefined ? [] : toDocumentSymbols(documentSymbols(target.zone, target.file.path), target.file);
      },
    }),
  );
  connection.onFoldingRanges(
    runSafe({
      name: 'foldingRange',
      fallback: [],
      log,
      handler: ({ textDocument }) => {
        const target = at(textDocument.uri);
        return target === undefined ? [] : toFoldingRanges(foldingSpans(target.zone, target.file.path), target.file);
      },
    }),
  );
  connection.onHover(
    runSafe({
      name: 'hover',
      fallback: null,
      log,
      handler: async ({ textDocument, position }) => {
        const target = at(textDocument.uri);
        if (target === undefined || session === undefined) return null;
        const hover = await editorHoverAt({ zone: target.zone, filePath: target.file.path, offset: target.file.offsetAt(position), workspace: session.workspace.getView() });
        return hover === undefined ? null : toHover(hover, target.file);
      },
    }),
  );
  connection.onDefinition(
    runSafe({
      name: 'definition',
      fallback: [],
      log,
      handler: ({ textDocument, position }) => {
        const target = at(textDocument.uri);
        if (target === undefined || session === undefined) return [];
        const locations = definitionAt({ zone: target.zone, filePath: target.file.path, offset: target.file.offsetAt(position), workspace: session.workspace.getView() });
        return locations.map((location) => toLocation(location, documents.uriOf));
      },
    }),
  );
  connection.onDocumentLinks(
    runSafe({
      name: 'documentLink',
      fallback: [],
      log,
      handler: ({ textDocument }) => {
        const target = at(textDocument.uri);
        return target === undefined ? [] : toDocumentLinks(includeLinks(target.zone, target.file.path), target.file);
      },
    }),
  );
  connection.languages.inlayHint.on(
    runSafe({
      name: 'inlayHint',
      fallback: [],
      log,
      handler: async ({ textDocument, range }) => {
        const target = at(textDocument.uri);
        if (target === undefined || session === undefined) return [];
        const within = { start: target.file.offsetAt(range.start), end: target.file.offsetAt(range.end) };
        return toInlayHints(await spfLookupHints({ zone: target.zone, filePath: target.file.path, workspace: session.workspace.getView(), within }), target.file);
      },
    }),
  );
  connection.onCodeAction(
    runSafe({
      name: 'codeAction',
      fallback: [],
      log,
      handler: (params) => session?.codeActions(params) ?? [],
    }),
  );
  connection.onExecuteCommand(
    runSafe<ExecuteCommandParams, GenerateResult | null>({
      name: 'executeCommand',
      fallback: null,
      log,
      handler: ({ command, arguments: args }) => (command === GENERATE_COMMAND ? (session?.generate(args) ?? null) : null),
    }),
  );
  connection.onCompletion(
    runSafe({
      name: 'completion',
      fallback: [],
      log,
      handler: ({ textDocument, position }) => {
        const target = at(textDocument.uri);
        if (target === undefined || session === undefined) return [];
        return provideCompletions({ zone: target.zone, file: target.file, position, workspace: session.workspace.getView() });
      },
    }),
  );
  connection.onRequest(
    CHECK_SPF_REQUEST,
    runSafe<CheckSpfParams, CheckSpfResult | null>({
      name: CHECK_SPF_REQUEST,
      fallback: null,
      log,
      handler: (params) => session?.checkSpf(params) ?? null,
    }),
  );

  textDocuments.listen(connection);
}
