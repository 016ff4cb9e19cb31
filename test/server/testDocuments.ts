// The documents a test client has open, kept as a client keeps them: their text and version, workspace edits
// applied with whole-text didChange notifications, the diagnostics the server publishes for the changed version
// (waited for, never slept for), and the check that an edit brought no new error.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Position, WorkspaceEdit } from 'vscode-languageserver/node';
import { DiagnosticSeverity, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspTestClient } from './lspClient';

export class TestDocuments {
  private readonly documents = new Map<string, TextDocument>();

  constructor(private readonly client: LspTestClient) {}

  /** Opens a document (its text read from disk unless given) and resolves with its first diagnostics. */
  open(uri: string, text: string = readFileSync(fileURLToPath(uri), 'utf8')): Promise<Diagnostic[]> {
    return this.afterChange(uri, async () => {
      this.documents.set(uri, TextDocument.create(uri, 'dns-zone', 1, text));
      await this.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
    });
  }

  text(uri: string): string {
    return this.get(uri).getText();
  }

  /** The position of the first `needle` in a document, moved `into` characters into it. */
  positionOf(uri: string, needle: string, into = 0): Position {
    const document = this.get(uri);
    const index = document.getText().indexOf(needle);
    if (index < 0) throw new Error(`no ${JSON.stringify(needle)} in ${uri}`);
    return document.positionAt(index + into);
  }

  /**
   * Applies a workspace edit as an editor does (opening, from disk, the files it touches that are not open) and
   * resolves with `watched`'s diagnostics as the server checked them after the edit.
   */
  async applyEdit(edit: WorkspaceEdit, watched: string): Promise<Diagnostic[]> {
    const texts = new Map<string, string>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      if (!this.documents.has(uri)) await this.open(uri);
      texts.set(uri, TextDocument.applyEdits(this.get(uri), edits));
    }
    if (edit.documentChanges !== undefined) throw new Error('the server sent documentChanges; these tests read only changes');
    return this.setTexts(texts, watched);
  }

  /** Replaces the text of open documents and resolves with `watched`'s diagnostics as checked after the change. */
  setTexts(texts: ReadonlyMap<string, string>, watched: string): Promise<Diagnostic[]> {
    return this.afterChange(watched, async () => {
      for (const [uri, text] of texts) {
        const version = this.get(uri).version + 1;
        this.documents.set(uri, TextDocument.create(uri, 'dns-zone', version, text));
        await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      }
    });
  }

  /** The texts of every open document, to restore them after an edit. */
  snapshot(): Map<string, string> {
    return new Map([...this.documents].map(([uri, document]) => [uri, document.getText()]));
  }

  /**
   * Puts every open document back as it was in `snapshot` (one opened since then, by an edit of its file, back to its
   * text on disk) and resolves with `watched`'s diagnostics as checked after that.
   */
  restore(snapshot: ReadonlyMap<string, string>, watched: string): Promise<Diagnostic[]> {
    const texts = new Map([...this.documents.keys()].map((uri) => [uri, snapshot.get(uri) ?? readFileSync(fileURLToPath(uri), 'utf8')]));
    return this.setTexts(texts, watched);
  }

  /**
   * Runs `change` (documents, settings) and resolves with the first diagnostics published for `uri` after it, for the
   * document's version by then: the server drops checks that a later change overtook, so that publication reflects
   * every change sent before it.
   */
  async afterChange(uri: string, change: () => Promise<void>): Promise<Diagnostic[]> {
    const previous = this.client.diagnostics.get(uri);
    await change();
    const version = this.documents.get(uri)?.version;
    return this.client.waitFor(() => {
      const published = this.client.diagnostics.get(uri);
      return published !== undefined && published !== previous && published.version === version ? published.diagnostics : undefined;
    }, `diagnostics of ${uri} version ${String(version)}`);
  }

  private get(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (document === undefined) throw new Error(`${uri} is not open`);
    return document;
  }
}

/** Asserts that no rule reports more errors after an edit (`what`) than before it. */
export function assertNoNewErrors(before: readonly Diagnostic[], after: readonly Diagnostic[], what: string): void {
  const errors = (list: readonly Diagnostic[], code: Diagnostic['code']): number => list.filter((d) => d.severity === DiagnosticSeverity.Error && d.code === code).length;
  for (const diagnostic of after) {
    if (diagnostic.severity !== DiagnosticSeverity.Error) continue;
    assert.ok(errors(after, diagnostic.code) <= errors(before, diagnostic.code), `"${what}" introduced ${String(diagnostic.code)}: ${diagnostic.message}`);
  }
}
