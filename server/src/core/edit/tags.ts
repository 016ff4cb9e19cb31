// Editing the tag=value lists of DKIM and DMARC records written in a zone: a tag removed with its separator, or a
// value replaced, as the smallest edit of the record's strings.

import type { Tag } from '../email/tagList';
import { isTagListWhitespace } from '../email/tagList';
import type { TextEdit } from './textEdit';
import type { TxtEntry } from './txt';
import { replaceInTxt } from './txt';

/** Removes a tag and the `;` (and blanks) that follow it, or for the last tag the `;` before it. */
export function removeTag(entry: TxtEntry, tag: Tag): TextEdit | undefined {
  const text = entry.text.text;
  const semicolon = text.indexOf(';', tag.range.end);
  if (semicolon >= 0) {
    let end = semicolon + 1;
    while (end < text.length && isTagListWhitespace(text.charCodeAt(end))) end++;
    return replaceInTxt(entry, { start: tag.range.start, end }, '');
  }
  const previous = text.lastIndexOf(';', tag.range.start);
  let end = tag.range.end;
  while (end < text.length && isTagListWhitespace(text.charCodeAt(end))) end++;
  return replaceInTxt(entry, { start: previous < 0 ? tag.range.start : previous, end }, '');
}

/** Replaces a tag's value (`p=none` to `p=quarantine`). */
export function replaceTagValue(entry: TxtEntry, tag: Tag, value: string): TextEdit | undefined {
  return replaceInTxt(entry, tag.valueRange, value);
}
