// Plain text edits in the core's terms (a file, a span of UTF-16 offsets, the new text), the fixes rules attach to
// their findings, and applying edits to text: the one shape every quick fix, generator and fix-all produces.

import type { SourceFile, Span } from '../types';

/** Replace `span` of `file` with `newText`; an empty span inserts. */
export interface TextEdit {
  readonly file: SourceFile;
  readonly span: Span;
  readonly newText: string;
}

/**
 * What a fix asks the editor to do when text edits alone cannot do it: copy a record that belongs in a zone the
 * workspace does not hold, or ask the user for values nobody can derive (Microsoft's DKIM CNAME targets).
 */
export type FixCommand =
  | { readonly kind: 'copy-to-clipboard'; readonly text: string; readonly message: string }
  | { readonly kind: 'add-microsoft365-dkim'; readonly file: SourceFile; readonly domain: string };

/** A place in the text after the edits are applied, which the editor selects so the user can type over it. */
export interface Placeholder {
  /** Index into the fix's `edits`. */
  readonly edit: number;
  /** Offsets into that edit's `newText`. */
  readonly start: number;
  readonly end: number;
}

export interface Fix {
  /** What the fix does, as the editor's light-bulb menu shows it. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one obvious fix of a finding: it makes the finding go away and introduces no new error. */
  readonly isPreferred?: boolean;
  /** Eligible for fix-all: it does what the record evidently meant and makes no policy choice for the user. */
  readonly safe?: boolean;
  readonly command?: FixCommand;
  readonly placeholder?: Placeholder;
  /** Set on "Disable <id> for this line": it adds a comment and changes no data, so no serial bump follows it. */
  readonly suppression?: true;
}

/**
 * Applies edits to one file's text. Edits are applied as if simultaneously, against the original offsets; two
 * insertions at one offset keep their given order. Overlapping edits are a bug in the fix that made them.
 */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'span' | 'newText'>[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.index - b.index);
  let out = '';
  let position = 0;
  for (const { edit } of ordered) {
    if (edit.span.start < position) throw new Error(`overlapping edits at offset ${edit.span.start}`);
    out += text.slice(position, edit.span.start) + edit.newText;
    position = edit.span.end;
  }
  return out + text.slice(position);
}

/** The edits grouped by file path, in the order the files first appear. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, { file: SourceFile; edits: TextEdit[] }> {
  const byFile = new Map<string, { file: SourceFile; edits: TextEdit[] }>();
  for (const edit of edits) {
    const entry = byFile.get(edit.file.path);
    if (entry === undefined) byFile.set(edit.file.path, { file: edit.file, edits: [edit] });
    else entry.edits.push(edit);
  }
  return byFile;
}

/** True when two edits of one file touch the same text (two insertions at one offset count as touching). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.file.path !== b.file.path) return false;
  if (a.span.start === b.span.start) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * Where the new text of `edits[index]` starts once every edit of its file is applied: its original offset moved by
 * the edits applied before it (the same order as `applyEdits`).
 */
export function newTextOffset(edits: readonly TextEdit[], index: number): number {
  const target = edits[index];
  let shift = 0;
  edits.forEach((edit, i) => {
    if (i === index || edit.file.path !== target.file.path) return;
    const before = edit.span.start < target.span.start || (edit.span.start === target.span.start && (edit.span.end < target.span.end || (edit.span.end === target.span.end && i < index)));
    if (before) shift += edit.newText.length - (edit.span.end - edit.span.start);
  });
  return target.span.start + shift;
}

/** A fix made of one edit, as a list to spread into a report's fixes: empty when the edit would change nothing. */
export function editFix(options: Omit<Fix, 'edits'> & { readonly edit: TextEdit | undefined }): Fix[] {
  const { edit, ...fix } = options;
  return edit === undefined ? [] : [{ ...fix, edits: [edit] }];
}
