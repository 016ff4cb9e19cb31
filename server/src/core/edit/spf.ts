// Editing the terms of an SPF record written in a zone: removing, replacing or moving terms with the spaces
// between them kept right, as the smallest edit of the record's strings that does it.

import type { Qualifier, TextRange } from '../email/spf/parse';
import type { TextEdit } from './textEdit';
import type { TxtEntry } from './txt';
import { replaceInTxt } from './txt';

/** The range that removing a term takes out: the term and the one space before it. */
export function termWithSpace(text: string, term: TextRange): TextRange {
  return text[term.start - 1] === ' ' ? { start: term.start - 1, end: term.end } : term;
}

/** Removes a term and the space before it. */
export function removeTerm(entry: TxtEntry, term: TextRange): TextEdit | undefined {
  return replaceInTxt(entry, termWithSpace(entry.text.text, term), '');
}

/** The record's text with some terms taken out (each with its space) and others appended at the end. */
export function spfTextWithout(text: string, remove: readonly TextRange[], append: readonly string[] = []): string {
  let out = '';
  let position = 0;
  for (const range of [...remove].map((term) => termWithSpace(text, term)).sort((a, b) => a.start - b.start)) {
    out += text.slice(position, range.start);
    position = Math.max(position, range.end);
  }
  out += text.slice(position);
  return [out.replace(/ +$/, ''), ...append].join(' ');
}

/** A mechanism written with a qualifier: `-all`, `~all`; the `+` is left implicit as most records write it. */
export function withQualifier(qualifier: Qualifier, rest: string): string {
  return qualifier === '+' ? rest : `${qualifier}${rest}`;
}
