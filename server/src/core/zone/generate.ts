// BIND's `$GENERATE range lhs [ttl] [class] type rhs`: reading the range and the `$`/`${offset,width,base}`
// templates once, then expanding them into owner names and rdata tokens for each value of the range.

import type { Severity, Span } from '../types';
import type { Token } from './lexer';
import { lexEntries, TokenKind } from './lexer';

export interface GenerateProblem {
  readonly ruleId: 'zone-generate' | 'zone-syntax';
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
}

export interface GenerateSpec {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly lhs: Template;
  readonly lhsSpan: Span;
  /** Index of the token after the lhs, where `[ttl] [class] type` begin. */
  readonly headerIndex: number;
}

type TemplatePart = string | { readonly offset: number; readonly width: number; readonly base: Base };
type Template = readonly TemplatePart[];
type Base = 'd' | 'o' | 'x' | 'X' | 'n' | 'N';

const MAX_RANGE_VALUE = 0x7fffffff;

/** Reads `$GENERATE range lhs`; the caller reads the record header and the rhs token. */
export function parseGenerateHeader(tokens: readonly Token[], limit: number): { spec?: GenerateSpec; problems: GenerateProblem[] } {
  const problems: GenerateProblem[] = [];
  const fail = (ruleId: GenerateProblem['ruleId'], message: string, span: Span) => {
    problems.push({ ruleId, severity: 'error', message, span });
    return { problems };
  };
  const rangeToken = tokens[1];
  const lhsToken = tokens[2];
  if (rangeToken === undefined || lhsToken === undefined) {
    return fail('zone-syntax', 'unexpected end of input: $GENERATE needs a range, an owner template, a type and data', tokens[0]);
  }
  if (rangeToken.kind === TokenKind.QString) return fail('zone-syntax', 'a quoted string is not allowed as the $GENERATE range', rangeToken);
  if (lhsToken.kind === TokenKind.QString) return fail('zone-syntax', 'a quoted string is not allowed as the $GENERATE owner template', lhsToken);
  const range = /^(\d+)-(\d+)(?:\/(\d+))?(.*)$/.exec(rangeToken.text);
  if (range !== null && range[3] === undefined && range[4].startsWith('/')) {
    return fail('zone-generate', `invalid range '${rangeToken.text}': a '/' must be followed by the step`, rangeToken);
  }
  if (range === null) return fail('zone-generate', `invalid range '${rangeToken.text}' (expected start-stop or start-stop/step)`, rangeToken);
  const start = Number(range[1]);
  const stop = Number(range[2]);
  const step = range[3] === undefined ? 1 : Number(range[3]);
  if (start > MAX_RANGE_VALUE || stop > MAX_RANGE_VALUE) {
    return fail('zone-generate', `invalid range '${rangeToken.text}': start and stop must be at most ${MAX_RANGE_VALUE}`, rangeToken);
  }
  if (stop < start) return fail('zone-generate', `invalid range '${rangeToken.text}': stop is below start`, rangeToken);
  if (step < 1 || step > MAX_RANGE_VALUE) return fail('zone-generate', `invalid range '${rangeToken.text}': the step must be at least 1`, rangeToken);
  if (range[4] !== '') {
    // BIND reads the range with sscanf and silently ignores what follows; that is almost always a typo.
    problems.push({ ruleId: 'zone-generate', severity: 'warning', message: `'${range[4]}' after the range is ignored by BIND`, span: rangeToken });
  }
  const count = Math.floor((stop - start) / step) + 1;
  if (count > limit) {
    return fail('zone-generate', `$GENERATE would make ${count} records, more than the limit of ${limit} (setting generateLimit); it is not expanded`, rangeToken);
  }
  const lhs = parseTemplate(lhsToken.text);
  if (typeof lhs === 'string') return fail('zone-generate', `bad owner template '${lhsToken.text}': ${lhs}`, lhsToken);
  return { spec: { start, stop, step, lhs, lhsSpan: { start: lhsToken.start, end: lhsToken.end }, headerIndex: 3 }, problems };
}

/**
 * Calls `emit(owner, rdataTokens)` for each value of the range; `emit` returns false to stop early. The rdata
 * tokens are the expanded rhs, lexed again, each spanning the rhs token in the source.
 */
export function expandGenerate(spec: GenerateSpec, rhs: Token, emit: (owner: string, rdata: Token[]) => boolean): GenerateProblem[] {
  const template = parseTemplate(rhs.text);
  if (typeof template === 'string') {
    return [{ ruleId: 'zone-generate', severity: 'error', message: `bad data template '${rhs.text}': ${template}`, span: rhs }];
  }
  for (const part of [...spec.lhs, ...template]) {
    if (typeof part === 'string') continue;
    const lowest = spec.start + part.offset;
    const highest = spec.stop + part.offset;
    if (lowest < -0x80000000 || highest > MAX_RANGE_VALUE) {
      return [{ ruleId: 'zone-generate', severity: 'error', message: `out of range: the offset ${part.offset} takes the iterator past ${MAX_RANGE_VALUE}`, span: rhs }];
    }
  }
  for (let value = spec.start; value <= spec.stop; value += spec.step) {
    const owner = substitute(spec.lhs, value);
    const text = substitute(template, value);
    const tokens: Token[] = [];
    if (rhs.kind === TokenKind.QString) {
      lexEntries(text, (entry) => {
        for (const token of entry.tokens) tokens.push({ kind: token.kind, start: rhs.start, end: rhs.end, text: token.text });
      });
    } else {
      tokens.push({ kind: TokenKind.Word, start: rhs.start, end: rhs.end, text });
    }
    if (!emit(owner, tokens)) break;
  }
  return [];
}

/** Splits a template into literal text and substitutions; returns an error message when malformed. */
function parseTemplate(text: string): Template | string {
  const parts: TemplatePart[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      // An escaped character, `\$` included, passes through for the name or rdata reader to decode.
      literal += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (c !== '$') {
      literal += c;
      continue;
    }
    if (text[i + 1] === '$') {
      literal += '$';
      i++;
      continue;
    }
    if (literal) parts.push(literal);
    literal = '';
    if (text[i + 1] !== '{') {
      parts.push({ offset: 0, width: 0, base: 'd' });
      continue;
    }
    const close = text.indexOf('}', i + 2);
    if (close < 0) return "missing '}' after '${'";
    const modifier = /^([+-]?\d+)(?:,(\d+)(?:,([doxXnN]))?)?$/.exec(text.slice(i + 2, close));
    if (modifier === null) return `invalid modifier '${text.slice(i, close + 1)}' (expected \${offset[,width[,base]]} with base d, o, x, X, n or N)`;
    parts.push({ offset: Number(modifier[1]), width: modifier[2] === undefined ? 0 : Number(modifier[2]), base: (modifier[3] ?? 'd') as Base });
    i = close;
  }
  if (literal) parts.push(literal);
  return parts;
}

function substitute(template: Template, value: number): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : format(value + part.offset, part.width, part.base);
  return out;
}

function format(value: number, width: number, base: Base): string {
  switch (base) {
    case 'd': {
      const digits = String(Math.abs(value));
      return value < 0 ? '-' + digits.padStart(Math.max(0, width - 1), '0') : digits.padStart(width, '0');
    }
    case 'o':
      return (value >>> 0).toString(8).padStart(width, '0');
    case 'x':
      return (value >>> 0).toString(16).padStart(width, '0');
    case 'X':
      return (value >>> 0).toString(16).toUpperCase().padStart(width, '0');
    case 'n':
    case 'N':
      return nibbles(value >>> 0, width, base === 'N');
    default: {
      const unreachable: never = base;
      return unreachable;
    }
  }
}

/** Reversed hex nibbles separated by dots, as BIND's nibble mode writes them; the width counts the dots. */
function nibbles(value: number, width: number, upper: boolean): string {
  let out = '';
  let remaining = value;
  let left = width;
  do {
    const digit = (remaining & 0xf).toString(16);
    out += upper ? digit.toUpperCase() : digit;
    remaining = Math.floor(remaining / 16);
    if (left > 0) left--;
    if (left > 0 || remaining !== 0) {
      out += '.';
      if (left > 0) left--;
    }
  } while (remaining !== 0 || left > 0);
  return out;
}
