// Completion at the LSP edge: the core's completions at a position, as LSP completion items that replace the
// word typed so far (snippets where the core writes tab stops).

import type { CompletionItem, Position } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { SourceFile, Zone } from './core';
import type { CompletionKind } from './core/services/completion';
import { completionsAt } from './core/services/completion';
import type { WorkspaceView } from './core/workspace/view';
import { toRange } from './toLsp';

/** The characters after which editors should ask for completions unprompted. */
export const COMPLETION_TRIGGER_CHARACTERS = [' ', '=', ':', ';', '"'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  type: CompletionItemKind.TypeParameter,
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.Value,
  name: CompletionItemKind.Reference,
  property: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
};

export function provideCompletions(input: { zone: Zone | undefined; file: SourceFile; position: Position; workspace?: WorkspaceView }): CompletionItem[] {
  const { file } = input;
  return completionsAt({ zone: input.zone, file, offset: file.offsetAt(input.position), workspace: input.workspace }).map((completion) => {
    const item: CompletionItem = {
      label: completion.label,
      kind: KINDS[completion.kind],
      // Labels like `<selector>._domainkey` describe a snippet; the editor matches what is typed against the name.
      filterText: completion.label.replace(/[<>]/g, ''),
      textEdit: { range: toRange(file, completion.replace), newText: completion.insertText },
    };
    if (completion.detail !== undefined) item.detail = completion.detail;
    if (completion.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: completion.documentation };
    if (completion.snippet === true) item.insertTextFormat = InsertTextFormat.Snippet;
    if (completion.sortText !== undefined) item.sortText = completion.sortText;
    return item;
  });
}
