// The only place where core results (UTF-16 offsets into SourceFiles, plain paths) become LSP types (ranges,
// diagnostics, symbols, URIs). Handlers call these after the core has answered.

import { pathToFileURL } from 'node:url';
import type {
  Diagnostic as LspDiagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location as LspLocation,
  Range,
} from 'vscode-languageserver/node';
import { DiagnosticSeverity, FoldingRangeKind, SymbolKind } from 'vscode-languageserver/node';
import type { Diagnostic, Severity, SourceFile, Span } from './core';
import type { Location } from './core/types';
import type { FoldingSpan } from './core/services/folding';
import type { HoverText } from './core/services/hover';
import type { IncludeLink } from './core/services/links';
import type { SpfLookupHint } from './core/services/spfLens';
import type { OwnerSymbol } from './core/services/symbols';

/** Turns a file path of the core into the URI the client knows it by (its own URI for an open document). */
export type UriOf = (filePath: string) => string;

const SOURCE = 'zonelint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(file: SourceFile, span: Span): Range {
  return { start: file.positionAt(span.start), end: file.positionAt(span.end) };
}

export function toDiagnostic(diagnostic: Diagnostic, uriOf: UriOf): LspDiagnostic {
  const converted: LspDiagnostic = {
    range: toRange(diagnostic.file, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    codeDescription: { href: diagnostic.docsUrl },
    source: SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.related.length > 0) {
    converted.relatedInformation = diagnostic.related.map((related) => ({ location: toLocation(related.location, uriOf), message: related.message }));
  }
  return converted;
}

export function toLocation(location: Location, uriOf: UriOf): LspLocation {
  return { uri: uriOf(location.file.path), range: toRange(location.file, location.span) };
}

export function toDocumentSymbols(symbols: readonly OwnerSymbol[], file: SourceFile): DocumentSymbol[] {
  return symbols.map((owner) => ({
    name: owner.name,
    detail: owner.detail,
    kind: owner.records.length === 0 ? SymbolKind.Function : SymbolKind.Namespace,
    range: toRange(file, owner.span),
    selectionRange: toRange(file, owner.selectionSpan),
    children: owner.records.map((record) => ({
      name: record.name,
      detail: record.detail,
      kind: SymbolKind.Field,
      range: toRange(file, record.span),
      selectionRange: toRange(file, record.selectionSpan),
    })),
  }));
}

export function toFoldingRanges(folds: readonly FoldingSpan[], file: SourceFile): FoldingRange[] {
  return folds.map((fold) => {
    const range = toRange(file, fold.span);
    const converted: FoldingRange = { startLine: range.start.line, endLine: range.end.line };
    if (fold.kind === 'comment') converted.kind = FoldingRangeKind.Comment;
    return converted;
  });
}

export function toHover(hover: HoverText, file: SourceFile): Hover {
  return { contents: { kind: 'markdown', value: hover.markdown }, range: toRange(file, hover.span) };
}

export function toDocumentLinks(links: readonly IncludeLink[], file: SourceFile): DocumentLink[] {
  return links.map((link) => ({ range: toRange(file, link.span), target: fileUri(link.target), tooltip: `Open ${link.target}` }));
}

export function toInlayHints(hints: readonly SpfLookupHint[], file: SourceFile): InlayHint[] {
  return hints.map((hint) => ({ position: file.positionAt(hint.offset), label: hint.label, tooltip: hint.tooltip, paddingLeft: true }));
}

/** The `file:` URI of an absolute path. */
export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
