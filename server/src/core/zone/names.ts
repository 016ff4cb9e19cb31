// Domain names in presentation form: decoding escapes, making names absolute, and BIND's canonical text form.
// Names travel through the core as canonical absolute presentation strings ("www.example.com."), compared by
// `nameKey`, because strings are cheap to store for hundreds of thousands of records and print as users wrote them.

export type NameErrorKind = 'empty-label' | 'label-too-long' | 'name-too-long' | 'bad-escape' | 'bitstring';

export interface NameError {
  readonly kind: NameErrorKind;
  readonly message: string;
}

export type NameResult = { readonly name: string; readonly error?: undefined } | { readonly name?: undefined; readonly error: NameError };

export const ROOT = '.';

const NAME_ERROR_MESSAGES: Record<NameErrorKind, string> = {
  'empty-label': 'empty label',
  'label-too-long': 'label too long (more than 63 octets)',
  'name-too-long': 'name too long (more than 255 octets in wire form)',
  'bad-escape': 'bad escape',
  bitstring: 'bitstring labels (\\[) are not supported',
};

function nameError(kind: NameErrorKind, detail?: string): NameResult {
  return { error: { kind, message: detail ? `${NAME_ERROR_MESSAGES[kind]}: ${detail}` : NAME_ERROR_MESSAGES[kind] } };
}

/** The comparison key of a canonical name: DNS names compare case-insensitively (ASCII only). */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Decodes `\X` and `\DDD` escapes of one presentation token into octets held as a latin1 string
 * (one char per octet). Characters beyond ASCII are taken as their UTF-8 octets, as the file stores them.
 * Returns undefined on a bad escape.
 */
export function decodeEscapes(raw: string): string | undefined {
  if (raw.indexOf('\\') < 0 && isAscii(raw)) return raw;
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const unit = readUnit(raw, i);
    if (unit === undefined) return undefined;
    out += unit.octets;
    i = unit.next;
  }
  return out;
}

/**
 * Reads the source unit at `raw[i]`: a `\DDD` escape, a `\X` escape or one character, as octets (latin1, UTF-8
 * for characters beyond ASCII). Undefined for a bad escape (`\256`, `\06a`, a trailing backslash).
 */
function readUnit(raw: string, i: number): { octets: string; next: number } | undefined {
  const c = raw.charCodeAt(i);
  if (c !== 92 /* \ */) {
    if (c < 128) return { octets: raw[i], next: i + 1 };
    return { octets: utf8Octets(raw, i), next: i + (raw.codePointAt(i)! > 0xffff ? 2 : 1) };
  }
  const d1 = raw.charCodeAt(i + 1);
  if (Number.isNaN(d1)) return undefined;
  if (!isDigit(d1)) return { octets: utf8Octets(raw, i + 1), next: i + 1 + (raw.codePointAt(i + 1)! > 0xffff ? 2 : 1) };
  const d2 = raw.charCodeAt(i + 2);
  const d3 = raw.charCodeAt(i + 3);
  if (!isDigit(d2) || !isDigit(d3)) return undefined;
  const value = (d1 - 48) * 100 + (d2 - 48) * 10 + (d3 - 48);
  return value > 255 ? undefined : { octets: String.fromCharCode(value), next: i + 4 };
}

/**
 * `parseName` that remembers its last answer, for one read of a zone. Zones often name a host in one record's data
 * and give it records on the next line (an MX exchange, then its address): the second reading is then free, and
 * both records share one name string.
 */
export class LastNameMemo {
  private raw: string | undefined;
  private origin: string | undefined;
  private result: NameResult | undefined;

  parse(raw: string, origin: string): NameResult {
    if (raw === this.raw && origin === this.origin && this.result !== undefined) return this.result;
    this.raw = raw;
    this.origin = origin;
    this.result = parseName(raw, origin);
    return this.result;
  }
}

/**
 * Parses a presentation name relative to `origin` (itself canonical and absolute). `@` alone is the origin.
 * Applies BIND's limits: no empty labels, labels of at most 63 octets, names of at most 255 octets.
 */
export function parseName(raw: string, origin: string): NameResult {
  if (raw === '@') return { name: origin };
  if (raw === '.') return { name: ROOT };
  const simple = simpleName(raw);
  if (simple !== undefined) return appendOrigin(simple.text, simple.absolute, simple.wireLength, origin);
  const labels: string[] = [];
  let current = '';
  let currentRawStart = 0;
  let absolute = false;
  for (let i = 0; i < raw.length; ) {
    const c = raw.charCodeAt(i);
    if (c === 46 /* . */) {
      if (current.length === 0) return nameError('empty-label', raw);
      labels.push(current);
      current = '';
      currentRawStart = i + 1;
      if (i === raw.length - 1) absolute = true;
      i++;
      continue;
    }
    if (c === 92 /* \ */ && i === currentRawStart && raw.charCodeAt(i + 1) === 91 /* [ */) return nameError('bitstring', raw);
    const unit = readUnit(raw, i);
    if (unit === undefined) return nameError('bad-escape', raw);
    current += unit.octets;
    i = unit.next;
    if (current.length > 63) return nameError('label-too-long', raw);
  }
  if (current.length > 0) labels.push(current);
  if (labels.length === 0) return nameError('empty-label', raw);
  let wireLength = 0;
  for (const label of labels) wireLength += label.length + 1;
  return appendOrigin(labels.map(escapeLabel).join('.'), absolute, wireLength, origin);
}

/** Wire length of a canonical absolute name, counting length octets and the root. Cached for origins. */
export function wireLength(name: string): number {
  const cached = wireLengthCache.get(name);
  if (cached !== undefined) return cached;
  const length = name === ROOT ? 1 : labelsOf(name).reduce((sum, label) => sum + label.length + 1, 1);
  if (wireLengthCache.size > 10000) wireLengthCache.clear();
  wireLengthCache.set(name, length);
  return length;
}

/** The octets of each label of a canonical name (latin1 strings), the root omitted. */
export function labelsOf(name: string): string[] {
  if (name === ROOT) return [];
  const body = name.endsWith('.') && !name.endsWith('\\.') ? name.slice(0, -1) : name;
  const labels: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 46) {
      labels.push(current);
      current = '';
    } else if (c === 92) {
      const d1 = body.charCodeAt(i + 1);
      if (isDigit(d1)) {
        current += String.fromCharCode(Number(body.slice(i + 1, i + 4)));
        i += 3;
      } else {
        current += body[i + 1];
        i += 1;
      }
    } else {
      current += body[i];
    }
  }
  labels.push(current);
  return labels;
}

/** Canonical text of one label given as octets, escaped as BIND prints names. */
export function escapeLabel(label: string): string {
  let out = '';
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c <= 32 || c >= 127) out += '\\' + String(c).padStart(3, '0');
    else if (c === 34 || c === 40 || c === 41 || c === 46 || c === 59 || c === 92 || c === 64 || c === 36) out += '\\' + label[i];
    else out += label[i];
  }
  return out;
}

/**
 * True when `name` equals `ancestor` or lies below it. Both canonical and absolute. ASCII letters compare
 * case-insensitively, as in DNS (canonical names escape every other octet). It allocates nothing: the parser
 * asks it for every record, and the rules for every target.
 */
export function isSubdomainOf(name: string, ancestor: string): boolean {
  if (ancestor === ROOT) return true;
  const offset = name.length - ancestor.length;
  if (offset < 0) return false;
  if (offset > 0) {
    if (name.charCodeAt(offset - 1) !== 46 /* . */) return false;
    // The dot must end a label, not be an escaped `\.` inside one: an odd run of backslashes before it escapes it.
    let backslashes = 0;
    for (let i = offset - 2; i >= 0 && name.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 1) return false;
  }
  for (let i = 0; i < ancestor.length; i++) {
    if (foldAsciiCase(name.charCodeAt(offset + i)) !== foldAsciiCase(ancestor.charCodeAt(i))) return false;
  }
  return true;
}

function foldAsciiCase(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The parent of a canonical absolute name, or undefined for the root. */
export function parentOf(name: string): string | undefined {
  if (name === ROOT) return undefined;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 92) i += isDigit(name.charCodeAt(i + 1)) ? 3 : 1;
    else if (c === 46) return i === name.length - 1 ? ROOT : name.slice(i + 1);
  }
  return ROOT;
}

/** The name relative to `origin` as a user would write it: `@` for the origin itself, else the leading labels. */
export function relativeName(name: string, origin: string): string {
  if (nameKey(name) === nameKey(origin)) return '@';
  if (origin !== ROOT && isSubdomainOf(name, origin)) return name.slice(0, name.length - origin.length - 1);
  return name;
}

const wireLengthCache = new Map<string, number>();

function appendOrigin(text: string, absolute: boolean, labelsWireLength: number, origin: string): NameResult {
  if (absolute) {
    if (labelsWireLength + 1 > 255) return nameError('name-too-long', text + '.');
    return { name: text + '.' };
  }
  const total = labelsWireLength + wireLength(origin);
  if (total > 255) return nameError('name-too-long', origin === ROOT ? text + '.' : `${text}.${origin}`);
  // A joined array gives one flat string. Concatenation would give a tree of three strings (the token's slice of
  // the file, the dot, the origin) that every later read walks, and that the collector copies as three objects for
  // each of a large zone's names.
  return { name: origin === ROOT ? text + '.' : [text, origin].join('.') };
}

/**
 * Fast path for the common case: letters, digits, `-`, `_`, `*` and single dots. Returns undefined when the
 * name needs the full decoder (escapes, odd characters, or an error to report precisely).
 */
function simpleName(raw: string): { text: string; absolute: boolean; wireLength: number } | undefined {
  let labelLength = 0;
  let wire = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46) {
      if (labelLength === 0) return undefined;
      wire += labelLength + 1;
      labelLength = 0;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 45 || c === 95 || c === 42 || c === 47) {
      labelLength++;
      if (labelLength > 63) return undefined;
    } else {
      return undefined;
    }
  }
  const absolute = raw.charCodeAt(raw.length - 1) === 46;
  if (!absolute) {
    if (labelLength === 0) return undefined;
    wire += labelLength + 1;
  }
  return { text: absolute ? raw.slice(0, -1) : raw, absolute, wireLength: wire };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * True when every char is ASCII. A regular expression with one negated class cannot backtrack, and V8 runs it as a
 * native loop about four times as fast as a charCodeAt loop; every TXT string of a zone is checked here.
 */
function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The UTF-8 octets (as latin1 chars) of the code point at `index`. */
function utf8Octets(text: string, index: number): string {
  const cp = text.codePointAt(index)!;
  if (cp < 0x80) return String.fromCharCode(cp);
  return Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1');
}
