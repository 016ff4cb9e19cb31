// The RFC 7208 §12 grammar of an SPF record: the version, mechanisms with qualifiers, modifiers and macro strings,
// each with its [start, end) offsets in the record text, and every syntax error at the place it occurs. One pass
// over the text; each character is looked at a bounded number of times, so parsing is linear.

import type { IpAddress } from './ip';
import { parseIPv4Strict, parseIPv6 } from './ip';

/** A range [start, end) of offsets into the record text (the joined character-strings). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface SpfSyntaxError extends TextRange {
  readonly message: string;
}

export type Qualifier = '+' | '-' | '~' | '?';

/** Macro letters in lowercase; an uppercase letter in the record sets `urlEscape` instead. */
export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

export type MacroPart =
  | { readonly kind: 'literal'; readonly text: string; readonly start: number; readonly end: number }
  /** `%%`, `%_` or `%-`, which expand to `%`, a space and `%20`. */
  | { readonly kind: 'escape'; readonly expansion: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'macro';
      readonly letter: MacroLetter;
      readonly urlEscape: boolean;
      /** How many right-hand parts to keep; undefined keeps them all. */
      readonly rightParts: number | undefined;
      readonly reverse: boolean;
      /** The characters to split on; empty means `.`. */
      readonly delimiters: string;
      readonly start: number;
      readonly end: number;
    };

export interface MacroString extends TextRange {
  readonly text: string;
  readonly parts: readonly MacroPart[];
}

/** A macro string that ends in a macro or in `.` and a valid top label (RFC 7208 §7.1 `domain-spec`). */
export type DomainSpec = MacroString;

/** Prefix lengths of `a` and `mx`; undefined means the full address (32 or 128). */
export interface DualCidr {
  readonly ip4: number | undefined;
  readonly ip6: number | undefined;
}

interface TermBase extends TextRange {
  /** The term as written. */
  readonly text: string;
}

interface MechanismBase extends TermBase {
  readonly qualifier: Qualifier;
  /** False when the qualifier is the implicit `+`. */
  readonly explicitQualifier: boolean;
}

export interface AllMechanism extends MechanismBase {
  readonly kind: 'all';
}
export interface IncludeMechanism extends MechanismBase {
  readonly kind: 'include';
  readonly domain: DomainSpec;
}
export interface AMechanism extends MechanismBase {
  readonly kind: 'a';
  /** Undefined means the current domain. */
  readonly domain: DomainSpec | undefined;
  readonly cidr: DualCidr;
}
export interface MxMechanism extends MechanismBase {
  readonly kind: 'mx';
  readonly domain: DomainSpec | undefined;
  readonly cidr: DualCidr;
}
export interface PtrMechanism extends MechanismBase {
  readonly kind: 'ptr';
  readonly domain: DomainSpec | undefined;
}
export interface Ip4Mechanism extends MechanismBase {
  readonly kind: 'ip4';
  readonly network: IpAddress;
  readonly prefix: number;
}
export interface Ip6Mechanism extends MechanismBase {
  readonly kind: 'ip6';
  readonly network: IpAddress;
  readonly prefix: number;
}
export interface ExistsMechanism extends MechanismBase {
  readonly kind: 'exists';
  readonly domain: DomainSpec;
}
export interface RedirectModifier extends TermBase {
  readonly kind: 'redirect';
  readonly domain: DomainSpec;
}
export interface ExpModifier extends TermBase {
  readonly kind: 'exp';
  readonly domain: DomainSpec;
}
/** A modifier zonelint does not know; receivers ignore it (RFC 7208 §6). */
export interface UnknownModifier extends TermBase {
  readonly kind: 'unknown-modifier';
  readonly name: string;
  readonly value: MacroString;
}

export type Mechanism =
  | AllMechanism
  | IncludeMechanism
  | AMechanism
  | MxMechanism
  | PtrMechanism
  | Ip4Mechanism
  | Ip6Mechanism
  | ExistsMechanism;
export type Modifier = RedirectModifier | ExpModifier | UnknownModifier;
export type Term = Mechanism | Modifier;

export interface ParsedSpf {
  /** Where `v=spf1` stands. */
  readonly version: TextRange;
  /** The terms that parsed, in record order; a term with a syntax error is left out. */
  readonly terms: readonly Term[];
  readonly errors: readonly SpfSyntaxError[];
  /** The first `all`, where every evaluation stops (RFC 7208 §5.1); later ones are never reached. */
  readonly all: AllMechanism | undefined;
  readonly redirect: RedirectModifier | undefined;
  /** The terms a receiver may reach: mechanisms up to the first `all`, then `redirect` unless there is an `all`. */
  readonly reached: readonly Term[];
  /** The mechanisms written after the first `all`, which are never evaluated (later `all`s among them). */
  readonly afterAll: readonly Mechanism[];
  /** How many terms of each kind there are, so a rule looking for one kind passes over records without it. */
  readonly counts: Readonly<Record<Term['kind'], number>>;
}

export function isMechanism(term: Term): term is Mechanism {
  return term.kind !== 'redirect' && term.kind !== 'exp' && term.kind !== 'unknown-modifier';
}

/** True when the text is an SPF version 1 record: `v=spf1` in any case, then a space or the end (RFC 7208 §4.5). */
export function isSpfRecordText(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

/** Parses a whole record. A text that is not an SPF record comes back with one error and no terms. */
export function parseSpf(text: string): ParsedSpf {
  const errors: SpfSyntaxError[] = [];
  if (!isSpfRecordText(text)) {
    const space = text.indexOf(' ');
    const end = space < 0 ? text.length : space;
    errors.push({ start: 0, end, message: 'not an SPF record: it must begin with "v=spf1" followed by a space or the end of the record' });
    return { version: { start: 0, end: 0 }, terms: [], errors, all: undefined, redirect: undefined, reached: [], afterAll: [], counts: noTerms() };
  }
  const terms: Term[] = [];
  const seen = new Map<'redirect' | 'exp', Term>();
  let i = VERSION_LENGTH;
  while (i < text.length) {
    if (text.charCodeAt(i) === SPACE) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== SPACE) j++;
    const term = parseTermAt(text, i, j, errors);
    if (term !== undefined) {
      if (term.kind === 'redirect' || term.kind === 'exp') {
        if (seen.has(term.kind)) {
          errors.push({ start: term.start, end: term.end, message: `"${term.kind}=" appears more than once (RFC 7208 §6: permerror)` });
        } else {
          seen.set(term.kind, term);
          terms.push(term);
        }
      } else {
        terms.push(term);
      }
    }
    i = j;
  }
  // Read once here, because every rule and every lookup count asks for them, of thousands of records.
  let all: AllMechanism | undefined;
  let redirect: RedirectModifier | undefined;
  const reached: Term[] = [];
  const afterAll: Mechanism[] = [];
  const counts = noTerms();
  for (const term of terms) {
    counts[term.kind]++;
    if (term.kind === 'redirect') redirect = term;
    if (!isMechanism(term)) continue;
    if (all === undefined) {
      if (term.kind === 'all') all = term;
      else reached.push(term);
    } else afterAll.push(term);
  }
  if (all !== undefined) reached.push(all);
  else if (redirect !== undefined) reached.push(redirect);
  return { version: { start: 0, end: VERSION_LENGTH }, terms, errors, all, redirect, reached, afterAll, counts };
}

function noTerms(): Record<Term['kind'], number> {
  return { all: 0, include: 0, a: 0, mx: 0, ptr: 0, ip4: 0, ip6: 0, exists: 0, redirect: 0, exp: 0, 'unknown-modifier': 0 };
}

/** Parses one term on its own (no spaces), as when checking how a record's strings were split. */
export function parseTerm(text: string): { readonly term: Term | undefined; readonly errors: readonly SpfSyntaxError[] } {
  const errors: SpfSyntaxError[] = [];
  if (text.length === 0 || text.includes(' ')) return { term: undefined, errors: [{ start: 0, end: text.length, message: 'not a single term' }] };
  const term = parseTermAt(text, 0, text.length, errors);
  return { term, errors };
}

/** Parses an explanation string: the TXT record an `exp=` modifier names (RFC 7208 §6.2). */
export function parseExplanation(text: string): { readonly value: MacroString | undefined; readonly errors: readonly SpfSyntaxError[] } {
  const errors: SpfSyntaxError[] = [];
  const value = parseMacroString(text, 0, text.length, 'explanation', errors);
  return { value, errors };
}

/** The fixed text of a macro string without macros (escapes expanded), or undefined when it has a macro. */
export function constantText(spec: MacroString): string | undefined {
  let out = '';
  for (const part of spec.parts) {
    if (part.kind === 'macro') return undefined;
    out += part.kind === 'literal' ? part.text : part.expansion;
  }
  return out;
}

const VERSION_LENGTH = 6;
const SPACE = 32;
const MECHANISM_NAMES = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const MACRO_LETTERS = 'slodiphcrtv';
const EXPLANATION_ONLY_LETTERS = 'crt';
const DELIMITERS = '.-+,/_=';
const MAX_LABEL = 63;
const MAX_DOMAIN = 253;

/** Where a macro string stands decides which macro letters and characters it may use (RFC 7208 §7.1, §7.3). */
type MacroContext = 'domain' | 'modifier' | 'explanation';

function parseTermAt(text: string, start: number, end: number, errors: SpfSyntaxError[]): Term | undefined {
  if (!checkCharacters(text, start, end, errors)) return undefined;
  const equals = modifierEquals(text, start, end);
  if (equals >= 0) return parseModifier(text, start, end, equals, errors);
  let nameStart = start;
  let qualifier: Qualifier = '+';
  const first = text[start];
  if (first === '+' || first === '-' || first === '~' || first === '?') {
    qualifier = first;
    nameStart++;
    if (modifierEquals(text, nameStart, end) >= 0) {
      errors.push({ start, end: nameStart, message: 'a modifier takes no qualifier: remove it' });
      return undefined;
    }
  }
  let nameEnd = nameStart;
  while (nameEnd < end && isAlphaNumeric(text.charCodeAt(nameEnd))) nameEnd++;
  const name = text.slice(nameStart, nameEnd).toLowerCase();
  if (!MECHANISM_NAMES.has(name)) {
    errors.push({ start, end, message: unknownTermMessage(text, start, end, nameStart, nameEnd) });
    return undefined;
  }
  // Terms are built as whole literals, not spread from a shared base: spreading is several times slower in V8.
  const written = text.slice(start, end);
  const explicitQualifier = nameStart > start;
  const mechanism = name as Mechanism['kind'];
  switch (mechanism) {
    case 'all':
      if (nameEnd < end) {
        errors.push({ start: nameEnd, end, message: '"all" takes no argument' });
        return undefined;
      }
      return { kind: 'all', start, end, text: written, qualifier, explicitQualifier };
    case 'include':
    case 'exists': {
      const domain = requiredDomain(text, { name: mechanism, nameStart, nameEnd, end }, errors);
      return domain === undefined ? undefined : { kind: mechanism, start, end, text: written, qualifier, explicitQualifier, domain };
    }
    case 'a':
    case 'mx': {
      const parsed = parseDomainAndCidr(text, { name: mechanism, nameStart, nameEnd, end }, errors);
      return parsed === undefined ? undefined : { kind: mechanism, start, end, text: written, qualifier, explicitQualifier, domain: parsed.domain, cidr: parsed.cidr };
    }
    case 'ptr': {
      if (nameEnd === end) return { kind: 'ptr', start, end, text: written, qualifier, explicitQualifier, domain: undefined };
      if (text[nameEnd] !== ':') {
        errors.push({ start: nameEnd, end, message: text[nameEnd] === '/' ? '"ptr" takes no prefix length' : 'expected ":" and a domain after "ptr"' });
        return undefined;
      }
      const domain = parseDomainSpec(text, nameEnd + 1, end, { mechanism: 'ptr', errors });
      return domain === undefined ? undefined : { kind: 'ptr', start, end, text: written, qualifier, explicitQualifier, domain };
    }
    case 'ip4':
    case 'ip6': {
      const parsed = parseNetwork(text, { name: mechanism, nameStart, nameEnd, end }, errors);
      return parsed === undefined ? undefined : { kind: mechanism, start, end, text: written, qualifier, explicitQualifier, network: parsed.network, prefix: parsed.prefix };
    }
    default: {
      const unreachable: never = mechanism;
      return unreachable;
    }
  }
}

/** Reports characters SPF does not allow in a term: anything but visible ASCII (RFC 7208 §3.1, §4.6.1). */
function checkCharacters(text: string, start: number, end: number, errors: SpfSyntaxError[]): boolean {
  let ok = true;
  for (let i = start; i < end; i++) {
    if (isVisible(text.charCodeAt(i))) continue;
    let j = i;
    let nonAscii = false;
    while (j < end && !isVisible(text.charCodeAt(j))) {
      if (text.charCodeAt(j) > 0x7e) nonAscii = true;
      j++;
    }
    const message = nonAscii
      ? 'non-ASCII character: SPF records are 7-bit ASCII (RFC 7208 §3.1)'
      : `control character 0x${text.charCodeAt(i).toString(16).padStart(2, '0')}: terms are separated by spaces only (RFC 7208 §4.6.1)`;
    errors.push({ start: i, end: j, message });
    ok = false;
    i = j - 1;
  }
  return ok;
}

/** The offset of the `=` when the text starts with a modifier name (`ALPHA *(ALPHA / DIGIT / "-" / "_" / ".")`), else -1. */
function modifierEquals(text: string, start: number, end: number): number {
  if (start >= end || !isAlpha(text.charCodeAt(start))) return -1;
  let i = start + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isAlphaNumeric(c) || c === 0x2d || c === 0x5f || c === 0x2e) i++;
    else break;
  }
  return i < end && text[i] === '=' ? i : -1;
}

function parseModifier(text: string, start: number, end: number, equals: number, errors: SpfSyntaxError[]): Modifier | undefined {
  const name = text.slice(start, equals);
  const lower = name.toLowerCase();
  const written = text.slice(start, end);
  if (lower === 'redirect' || lower === 'exp') {
    if (equals + 1 === end) {
      errors.push({ start, end, message: `"${lower}=" needs a domain` });
      return undefined;
    }
    const domain = parseDomainSpec(text, equals + 1, end, { mechanism: lower, errors });
    return domain === undefined ? undefined : { kind: lower, start, end, text: written, domain };
  }
  const value = parseMacroString(text, equals + 1, end, 'modifier', errors);
  return value === undefined ? undefined : { kind: 'unknown-modifier', start, end, text: written, name, value };
}

function unknownTermMessage(text: string, start: number, end: number, nameStart: number, nameEnd: number): string {
  const name = text.slice(nameStart, nameEnd);
  const lower = name.toLowerCase();
  if (lower === 'redirect' || lower === 'exp') return `"${lower}" is a modifier: write ${lower}=<domain>`;
  let equals = nameStart;
  while (equals < end && text[equals] !== '=') equals++;
  if (equals < end) {
    if (equals === nameStart) return 'a modifier needs a name before "="';
    return `"${text.slice(nameStart, equals)}" is not a valid modifier name: a letter, then letters, digits, "-", "_" or "." (RFC 7208 §12)`;
  }
  if (name.length === 0) return `"${text.slice(start, end)}" is neither a mechanism nor a modifier`;
  return `unknown mechanism "${name}" (mechanisms are all, include, a, mx, ptr, ip4, ip6 and exists)`;
}

interface MechanismPlace {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly end: number;
}

function requiredDomain(text: string, place: MechanismPlace, errors: SpfSyntaxError[]): DomainSpec | undefined {
  const { name, nameStart, nameEnd, end } = place;
  if (nameEnd === end) {
    errors.push({ start: nameStart, end, message: `"${name}" needs a domain: ${name}:<domain>` });
    return undefined;
  }
  if (text[nameEnd] !== ':') {
    const message = text[nameEnd] === '/' ? `"${name}" takes no prefix length` : `expected ":" and a domain after "${name}"`;
    errors.push({ start: nameEnd, end, message });
    return undefined;
  }
  if (nameEnd + 1 === end) {
    errors.push({ start: nameStart, end, message: `"${name}:" needs a domain after the colon` });
    return undefined;
  }
  return parseDomainSpec(text, nameEnd + 1, end, { mechanism: name, errors });
}

/** `a` and `mx`: `[":" domain-spec] [dual-cidr-length]`, the prefix lengths read from the end of the term. */
function parseDomainAndCidr(text: string, place: MechanismPlace, errors: SpfSyntaxError[]): { domain: DomainSpec | undefined; cidr: DualCidr } | undefined {
  const { name, nameStart, nameEnd, end } = place;
  let cursor = end;
  let ip6: TextRange | undefined;
  let ip4: TextRange | undefined;
  let digits = digitsBefore(text, cursor, nameEnd);
  if (digits - 2 >= nameEnd && text[digits - 1] === '/' && text[digits - 2] === '/') {
    ip6 = { start: digits - 2, end: cursor };
    cursor = digits - 2;
    digits = digitsBefore(text, cursor, nameEnd);
  }
  if (digits - 1 >= nameEnd && text[digits - 1] === '/') {
    ip4 = { start: digits - 1, end: cursor };
    cursor = digits - 1;
  }
  if (cursor > nameEnd && text[nameEnd] !== ':') {
    errors.push({ start: nameEnd, end, message: `expected ":<domain>" and/or "/<ip4-prefix>//<ip6-prefix>" after "${name}"` });
    return undefined;
  }
  if (cursor === nameEnd + 1) {
    errors.push({ start: nameStart, end: cursor, message: `"${name}:" needs a domain after the colon` });
    return undefined;
  }
  const ip4Prefix = ip4 === undefined ? undefined : parsePrefix(text, { range: ip4, slashes: 1, max: 32 }, errors);
  const ip6Prefix = ip6 === undefined ? undefined : parsePrefix(text, { range: ip6, slashes: 2, max: 128 }, errors);
  if (ip4Prefix === null || ip6Prefix === null) return undefined;
  let domain: DomainSpec | undefined;
  if (cursor > nameEnd) {
    domain = parseDomainSpec(text, nameEnd + 1, cursor, { mechanism: name, errors });
    if (domain === undefined) return undefined;
  }
  return { domain, cidr: { ip4: ip4Prefix, ip6: ip6Prefix } };
}

/** Reads `/N` (or `//N`): no leading zeros, at most `max` (RFC 7208 §5.6). Null after reporting an error. */
function parsePrefix(text: string, spec: { range: TextRange; slashes: number; max: number }, errors: SpfSyntaxError[]): number | null {
  const { range, slashes, max } = spec;
  const digits = text.slice(range.start + slashes, range.end);
  const family = max === 32 ? 'IPv4' : 'IPv6';
  if (digits.length === 0) {
    errors.push({ ...range, message: `empty ${family} prefix length` });
    return null;
  }
  if (digits.length > 1 && digits[0] === '0') {
    errors.push({ ...range, message: `${family} prefix length "${digits}" has a leading zero` });
    return null;
  }
  const value = Number(digits);
  if (digits.length > 3 || value > max) {
    errors.push({ ...range, message: `${family} prefix length ${digits} is over ${max}` });
    return null;
  }
  return value;
}

/** `ip4:` and `ip6:` networks with an optional single prefix length. */
function parseNetwork(text: string, place: MechanismPlace, errors: SpfSyntaxError[]): { network: IpAddress; prefix: number } | undefined {
  const { name, nameStart, nameEnd, end } = place;
  const family = name === 'ip4' ? 'IPv4' : 'IPv6';
  if (nameEnd === end || text[nameEnd] !== ':') {
    errors.push({ start: nameEnd === end ? nameStart : nameEnd, end, message: `"${name}" needs an ${family} address: ${name}:<address>[/<prefix>]` });
    return undefined;
  }
  let networkEnd = nameEnd + 1;
  while (networkEnd < end && text[networkEnd] !== '/') networkEnd++;
  const networkText = text.slice(nameEnd + 1, networkEnd);
  const network = name === 'ip4' ? parseIPv4Strict(networkText) : parseIPv6(networkText);
  if (network === undefined) {
    const range = networkText.length === 0 ? { start: nameStart, end } : { start: nameEnd + 1, end: networkEnd };
    errors.push({ ...range, message: networkText.length === 0 ? `"${name}:" needs an ${family} address` : `"${networkText}" is not a valid ${family} address` });
    return undefined;
  }
  if (networkEnd === end) return { network, prefix: name === 'ip4' ? 32 : 128 };
  if (text[networkEnd + 1] === '/') {
    errors.push({ start: networkEnd, end, message: `"${name}" takes a single prefix length (/N), not a dual one` });
    return undefined;
  }
  const digits = text.slice(networkEnd + 1, end);
  if (!/^[0-9]*$/.test(digits)) {
    errors.push({ start: networkEnd, end, message: `"${digits}" is not a prefix length` });
    return undefined;
  }
  const prefix = parsePrefix(text, { range: { start: networkEnd, end }, slashes: 1, max: name === 'ip4' ? 32 : 128 }, errors);
  return prefix === null ? undefined : { network, prefix };
}

/**
 * Parses a domain-spec: a macro string (no `c`, `r`, `t` macros) that ends in a macro or in `.` and a top label
 * that is not all digits (RFC 7208 §7.1). Literal labels must also make a DNS name: none empty, none over 63.
 */
function parseDomainSpec(text: string, start: number, end: number, options: { mechanism: string; errors: SpfSyntaxError[] }): DomainSpec | undefined {
  const { mechanism, errors } = options;
  if (start === end) {
    errors.push({ start: start - 1, end: start, message: `"${mechanism}" needs a domain after the "${text[start - 1]}"` });
    return undefined;
  }
  const spec = parseMacroString(text, start, end, 'domain', errors);
  if (spec === undefined) return undefined;
  const before = errors.length;
  checkLiteralLabels(spec, errors);
  if (errors.length > before) return undefined;
  const last = spec.parts[spec.parts.length - 1];
  if (last.kind !== 'literal') return spec;
  const body = last.text.endsWith('.') ? last.text.slice(0, -1) : last.text;
  const dot = body.lastIndexOf('.');
  if (dot < 0) {
    const whole = spec.parts.length === 1;
    errors.push({
      start: last.start,
      end: last.end,
      message: whole
        ? `"${spec.text}" is not a fully qualified domain: a domain-spec must end in "." and a top label (RFC 7208 §7.1)`
        : 'a domain-spec must end in a macro, or in "." and a top label (RFC 7208 §7.1)',
    });
    return undefined;
  }
  const topLabel = body.slice(dot + 1);
  const topStart = last.start + dot + 1;
  const problem = topLabelProblem(topLabel, mechanism);
  if (problem !== undefined) {
    const range = topLabel.length === 0 ? { start: topStart - 1, end: topStart } : { start: topStart, end: topStart + topLabel.length };
    errors.push({ ...range, message: problem });
    return undefined;
  }
  return spec;
}

/** Why a top label is invalid (`alphanum` with a letter, or with inner hyphens), or undefined when it is fine. */
function topLabelProblem(label: string, mechanism: string): string | undefined {
  if (label.length === 0) return 'empty top label';
  let hasLetter = false;
  let hasHyphen = false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (isAlpha(c)) hasLetter = true;
    else if (c === 0x2d) hasHyphen = true;
    else if (!isDigit(c)) {
      if (/\/[0-9]+$/.test(label) && mechanism !== 'a' && mechanism !== 'mx') return `"${mechanism}" takes no prefix length`;
      return `"${label}" is not a valid top label: only letters, digits and inner hyphens (RFC 7208 §7.1)`;
    }
  }
  if (label[0] === '-' || label[label.length - 1] === '-') return `top label "${label}" begins or ends with a hyphen`;
  if (!hasLetter && !hasHyphen) return `top label "${label}" is all digits`;
  return undefined;
}

/** Empty and over-long labels that are wholly literal (a macro may fill a label, so those are left alone). */
function checkLiteralLabels(spec: DomainSpec, errors: SpfSyntaxError[]): void {
  let labelLength = 0;
  let labelLiteral = true;
  let labelStart = spec.start;
  let total = 0;
  let allLiteral = true;
  for (const part of spec.parts) {
    if (part.kind !== 'literal') {
      labelLiteral = false;
      allLiteral = false;
      continue;
    }
    for (let k = 0; k < part.text.length; k++) {
      const at = part.start + k;
      total++;
      if (part.text[k] !== '.') {
        labelLength++;
        continue;
      }
      if (labelLiteral && labelLength === 0) {
        errors.push({ start: at, end: at + 1, message: 'empty label: two dots in a row, or a leading dot' });
        return;
      }
      if (labelLiteral && labelLength > MAX_LABEL) {
        errors.push({ start: labelStart, end: at, message: `label of ${labelLength} characters: DNS labels are at most ${MAX_LABEL}` });
        return;
      }
      labelLength = 0;
      labelLiteral = true;
      labelStart = at + 1;
    }
  }
  if (labelLiteral && labelLength > MAX_LABEL) {
    errors.push({ start: labelStart, end: spec.end, message: `label of ${labelLength} characters: DNS labels are at most ${MAX_LABEL}` });
    return;
  }
  const withoutRootDot = spec.text.endsWith('.') ? total - 1 : total;
  if (allLiteral && withoutRootDot > MAX_DOMAIN) {
    errors.push({ start: spec.start, end: spec.end, message: `domain of ${withoutRootDot} characters: DNS names are at most ${MAX_DOMAIN}` });
  }
}

/** Parses a macro string; undefined after reporting its first error (later ones would only be echoes). */
function parseMacroString(text: string, start: number, end: number, context: MacroContext, errors: SpfSyntaxError[]): MacroString | undefined {
  const parts: MacroPart[] = [];
  let literalStart = -1;
  const flush = (to: number): void => {
    if (literalStart >= 0) parts.push({ kind: 'literal', text: text.slice(literalStart, to), start: literalStart, end: to });
    literalStart = -1;
  };
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x25 /* % */) {
      if (!isVisible(c) && !(c === SPACE && context === 'explanation')) {
        errors.push({ start: i, end: i + 1, message: c > 0x7e ? 'non-ASCII character (RFC 7208 §3.1)' : `control character 0x${c.toString(16).padStart(2, '0')}` });
        return undefined;
      }
      if (literalStart < 0) literalStart = i;
      i++;
      continue;
    }
    flush(i);
    const next = i + 1 < end ? text[i + 1] : '';
    const escape = next === '%' ? '%' : next === '_' ? ' ' : next === '-' ? '%20' : undefined;
    if (escape !== undefined) {
      parts.push({ kind: 'escape', expansion: escape, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (next !== '{') {
      errors.push({ start: i, end: Math.min(i + 2, end), message: `"%" must be followed by "{", "%", "_" or "-" (write "%%" for a percent sign)` });
      return undefined;
    }
    const macro = parseMacroExpand(text, i, end, context, errors);
    if (macro === undefined) return undefined;
    parts.push(macro);
    i = macro.end;
  }
  flush(end);
  return { start, end, text: text.slice(start, end), parts };
}

/** `"%{" macro-letter transformers *delimiter "}"`, starting at the `%`. */
function parseMacroExpand(text: string, start: number, end: number, context: MacroContext, errors: SpfSyntaxError[]): MacroPart | undefined {
  let j = start + 2;
  const fail = (from: number, message: string): undefined => {
    errors.push({ start: from, end: Math.max(from + 1, Math.min(closingBrace(text, j, end), end)), message });
    return undefined;
  };
  if (j >= end) return fail(start, 'unterminated macro: expected a macro letter and "}"');
  const written = text[j];
  const letter = written.toLowerCase();
  if (!isAlpha(written.charCodeAt(0)) || !MACRO_LETTERS.includes(letter)) {
    return fail(start, `unknown macro letter "${written}" (letters are s, l, o, d, i, p, h, v, and c, r, t in explanations)`);
  }
  if (context === 'domain' && EXPLANATION_ONLY_LETTERS.includes(letter)) {
    return fail(start, `the %{${written}} macro is allowed only in explanation text (RFC 7208 §7.3)`);
  }
  j++;
  const digitsStart = j;
  while (j < end && isDigit(text.charCodeAt(j))) j++;
  let rightParts: number | undefined;
  if (j > digitsStart) {
    rightParts = Number(text.slice(digitsStart, j));
    if (rightParts === 0) return fail(start, 'the number of parts in a macro must be at least 1');
  }
  let reverse = false;
  if (j < end && (text[j] === 'r' || text[j] === 'R')) {
    reverse = true;
    j++;
  }
  const delimitersStart = j;
  while (j < end && DELIMITERS.includes(text[j])) j++;
  const delimiters = text.slice(delimitersStart, j);
  if (j >= end) return fail(start, 'unterminated macro: missing "}"');
  if (text[j] !== '}') return fail(start, `unexpected "${text[j]}" in macro (after the letter: digits, "r", then delimiters . - + , / _ =)`);
  return { kind: 'macro', letter: letter as MacroLetter, urlEscape: written !== letter, rightParts, reverse, delimiters, start, end: j + 1 };
}

/** Offset just past the next `}` (or `end`), so a bad macro is reported whole. */
function closingBrace(text: string, from: number, end: number): number {
  let brace = from;
  while (brace < end && text[brace] !== '}') brace++;
  return brace < end ? brace + 1 : end;
}

function digitsBefore(text: string, end: number, limit: number): number {
  let i = end;
  while (i > limit && isDigit(text.charCodeAt(i - 1))) i--;
  return i;
}

function isVisible(c: number): boolean {
  return c >= 0x21 && c <= 0x7e;
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAlphaNumeric(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}
