// How records read in hovers and the outline: the type's mnemonic and the rdata as one line of presentation text,
// without the comments and parentheses a multi-line record carries in the file.

import type { ResourceRecord } from '../zone/model';
import { typeName } from '../zone/rrtypes';

/** The longest rdata text shown; longer keys and signatures are cut with an ellipsis. */
const MAX_RDATA_TEXT = 120;

export function recordTypeName(record: ResourceRecord): string {
  return typeName(record.type);
}

/** The rdata as written, on one line: comments and grouping parentheses removed, whitespace collapsed. */
export function rdataText(record: ResourceRecord): string {
  const source = record.file.text.slice(record.rdataSpan.start, record.rdataSpan.end);
  let out = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      out += c + source[++i];
    } else if (c === '"') {
      quoted = !quoted;
      out += c;
    } else if (!quoted && c === ';') {
      while (i + 1 < source.length && source[i + 1] !== '\n' && source[i + 1] !== '\r') i++;
    } else if (!quoted && (c === '(' || c === ')')) {
      out += ' ';
    } else {
      out += c;
    }
  }
  const oneLine = out.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_RDATA_TEXT ? `${oneLine.slice(0, MAX_RDATA_TEXT - 1)}…` : oneLine;
}
