// The documents the client has open, addressed both by URI (what LSP speaks) and by file path (what the core
// speaks). A `file:` URI maps to its path; any other scheme (an untitled buffer) uses the URI itself as its path.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri } from './toLsp';

export class OpenDocuments {
  private readonly uriByPath = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {
    documents.onDidOpen(({ document }) => this.uriByPath.set(pathOfUri(document.uri), document.uri));
    documents.onDidClose(({ document }) => this.uriByPath.delete(pathOfUri(document.uri)));
  }

  /** The open document at a path, if any. */
  byPath(filePath: string): TextDocument | undefined {
    const uri = this.uriByPath.get(filePath);
    return uri === undefined ? undefined : this.documents.get(uri);
  }

  isOpen(filePath: string): boolean {
    return this.uriByPath.has(filePath);
  }

  openPaths(): string[] {
    return [...this.uriByPath.keys()];
  }

  /** The URI to publish a path's results under: the open document's own URI, else the path's `file:` URI. */
  uriOf = (filePath: string): string => this.uriByPath.get(filePath) ?? (path.isAbsolute(filePath) ? fileUri(filePath) : filePath);
}

export function pathOfUri(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}
