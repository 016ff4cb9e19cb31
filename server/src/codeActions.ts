// Code actions and generator commands at the LSP edge: the core's fixes of a document's findings as quick fixes
// (a WorkspaceEdit across files, the preferred one marked, commands for what edits cannot do), one
// `source.fixAll.zonelint`, and the `zonelint.generate` command that runs a generator and returns its edit.

import type { CodeAction, CodeActionParams, Command, Diagnostic as LspDiagnostic, TextEdit as LspTextEdit, Position, Range, WorkspaceEdit } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import type { Diagnostic, Zone } from './core';
import { SourceFile } from './core';
import type { Fix, TextEdit } from './core/edit/textEdit';
import { applyEdits, editsByFile, newTextOffset } from './core/edit/textEdit';
import { fixAll, withSerialBumps } from './core/fixes';
import { mailDomainAt, runGenerator } from './core/generators';
import type { CopyRecordArguments, GenerateParams, Microsoft365DkimArguments, SelectArguments } from './core/generators/requests';
import { CLIENT_COMMANDS } from './core/generators/requests';
import type { UriOf } from './toLsp';
import { toDiagnostic, toRange } from './toLsp';

/** The fix-all kind editors ask for on save (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.zonelint`;

/** The code action kinds the server offers, for its capabilities. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/**
 * What `zonelint.generate` answers: the edit for the client to apply and the range to select afterwards (the
 * placeholder to type over), or why nothing was generated.
 */
export type GenerateResult =
  | { readonly kind: 'edit'; readonly title: string; readonly edit: WorkspaceEdit; readonly select?: SelectArguments }
  | { readonly kind: 'refused'; readonly reason: string };

/** When set (`zonelint.bumpSerialOnFix`), an edit of a zone's data also bumps that zone's SOA serial. */
export interface SerialBump {
  /** The workspace's zones, to find the zone each edit changes. */
  readonly zones: readonly Zone[];
  readonly now: Date;
}

export interface CodeActionInput {
  /** The findings of the zones that read the document (they may lie in other files; only its own are used). */
  readonly diagnostics: readonly Diagnostic[];
  /** The document, as the core knows it. */
  readonly filePath: string;
  readonly params: CodeActionParams;
  readonly uriOf: UriOf;
  readonly serialBump?: SerialBump;
}

/**
 * The code actions for a range of a document: every fix of each finding there as a quick fix (the rule's fixes,
 * then "Disable <id> for this line"), and the fix-all action when the document has safe fixes.
 */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { params, uriOf } = input;
  const only = params.context.only;
  const inFile = input.diagnostics.filter((diagnostic) => diagnostic.file.path === input.filePath);
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const diagnostic of inFile) {
      const range = toRange(diagnostic.file, diagnostic.span);
      if (!overlaps(range, params.range)) continue;
      const lspDiagnostic = sentDiagnostic(diagnostic, params.context.diagnostics, uriOf);
      for (const fix of diagnostic.fixes) actions.push(quickFix({ fix, diagnostic: lspDiagnostic, uriOf, serialBump: input.serialBump }));
    }
  }
  if (wanted(FIX_ALL_KIND, only)) {
    const all = fixAll(inFile);
    if (all.edits.length > 0) {
      const edits = input.serialBump === undefined ? all.edits : withSerialBumps({ edits: all.edits, ...input.serialBump });
      actions.push({ title: `Fix all safe zonelint problems (${all.fixes.length})`, kind: FIX_ALL_KIND, edit: workspaceEdit(edits, uriOf) });
    }
  }
  return actions;
}

/**
 * Runs `zonelint.generate`: the generator the request names, for the mail domain given or the one at the cursor,
 * as an edit for the client to apply (with the serial bump when asked), or why it made none.
 */
export function runGenerateCommand(input: {
  readonly params: GenerateParams;
  /** The document's zone and file, undefined when the server does not know the document. */
  readonly target: { readonly zone: Zone; readonly file: SourceFile } | undefined;
  readonly uriOf: UriOf;
  readonly now: Date;
  readonly serialBump?: SerialBump;
}): GenerateResult {
  const { params, target } = input;
  if (target === undefined) return { kind: 'refused', reason: 'zonelint does not know this document: open a zone file' };
  const { zone, file } = target;
  const domain = params.domain ?? mailDomainAt({ zone, file, offset: file.offsetAt(params.position) });
  if (domain === undefined) return { kind: 'refused', reason: "the zone's origin is unknown: add $ORIGIN or name the file after the zone" };
  const result = runGenerator({ zone, domain, request: params.request, now: input.now });
  if (result.kind === 'refused') return result;
  const { fix } = result;
  // Bumping the serial is itself a generator: it needs no second bump.
  const edits = input.serialBump === undefined || params.request.kind === 'bump-serial' ? [...fix.edits] : withSerialBumps({ edits: fix.edits, ...input.serialBump });
  const select = placeholderSelection(fix, edits, input.uriOf);
  return { kind: 'edit', title: fix.title, edit: workspaceEdit(edits, input.uriOf), ...(select === undefined ? {} : { select }) };
}

function quickFix(options: { fix: Fix; diagnostic: LspDiagnostic; uriOf: UriOf; serialBump: SerialBump | undefined }): CodeAction {
  const { fix, diagnostic, uriOf, serialBump } = options;
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (fix.isPreferred === true) action.isPreferred = true;
  if (fix.edits.length > 0) {
    const edits = serialBump === undefined || fix.suppression === true ? [...fix.edits] : withSerialBumps({ edits: fix.edits, ...serialBump });
    action.edit = workspaceEdit(edits, uriOf);
    const select = placeholderSelection(fix, edits, uriOf);
    if (select !== undefined) action.command = { title: 'Select the placeholder', command: CLIENT_COMMANDS.selectPlaceholder, arguments: [select] };
  }
  if (fix.command !== undefined) action.command = fixCommand(fix, uriOf);
  return action;
}

function fixCommand(fix: Fix, uriOf: UriOf): Command | undefined {
  const command = fix.command;
  if (command === undefined) return undefined;
  switch (command.kind) {
    case 'copy-to-clipboard': {
      const args: CopyRecordArguments = { text: command.text, message: command.message };
      return { title: fix.title, command: CLIENT_COMMANDS.copyRecord, arguments: [args] };
    }
    case 'add-microsoft365-dkim': {
      const args: Microsoft365DkimArguments = { uri: uriOf(command.file.path), domain: command.domain };
      return { title: fix.title, command: CLIENT_COMMANDS.addMicrosoft365Dkim, arguments: [args] };
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

/** Core edits as one WorkspaceEdit, grouped by document. */
export function workspaceEdit(edits: readonly TextEdit[], uriOf: UriOf): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [filePath, group] of editsByFile(edits)) {
    changes[uriOf(filePath)] = group.edits.map((edit) => ({ range: toRange(edit.file, edit.span), newText: edit.newText }));
  }
  return { changes };
}

/** Where the fix's placeholder ends up once `edits` (the fix's own first, then any serial bump) are applied. */
function placeholderSelection(fix: Fix, edits: readonly TextEdit[], uriOf: UriOf): SelectArguments | undefined {
  const placeholder = fix.placeholder;
  if (placeholder === undefined) return undefined;
  const target = edits[placeholder.edit];
  const sameFile = edits.filter((edit) => edit.file.path === target.file.path);
  const after = new SourceFile(target.file.path, applyEdits(target.file.text, sameFile));
  const start = newTextOffset(sameFile, sameFile.indexOf(target)) + placeholder.start;
  const end = start + (placeholder.end - placeholder.start);
  return { uri: uriOf(target.file.path), range: { start: after.positionAt(start), end: after.positionAt(end) } };
}

/** The diagnostic as the client holds it (from the request's context) when it sent it, else as the server publishes it. */
function sentDiagnostic(diagnostic: Diagnostic, sent: readonly LspDiagnostic[], uriOf: UriOf): LspDiagnostic {
  const converted = toDiagnostic(diagnostic, uriOf);
  const same = sent.find(
    (candidate) =>
      candidate.code === converted.code &&
      candidate.message === converted.message &&
      candidate.range.start.line === converted.range.start.line &&
      candidate.range.start.character === converted.range.start.character &&
      candidate.range.end.line === converted.range.end.line &&
      candidate.range.end.character === converted.range.end.character,
  );
  return same ?? converted;
}

/** Whether the client asked for this kind (`only` lists kinds and their parents). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
