// Domain names as SPF handles them: plain octet text without the root dot (what macros expand to and what
// `%{d}` holds), converted to and from the escaped absolute names the core's resolvers take and return.

import { escapeLabel, labelsOf, ROOT } from '../../zone/names';

const MAX_LABEL = 63;
const MAX_NAME = 253;

/** Removes one trailing root dot: SPF ignores it on domains (RFC 7208 §7.3). */
export function withoutRootDot(domain: string): string {
  return domain.endsWith('.') ? domain.slice(0, -1) : domain;
}

/** The canonical absolute presentation name for a lookup: labels escaped as the zone model stores them. */
export function toLookupName(domain: string): string {
  const plain = withoutRootDot(domain);
  if (plain.length === 0) return '.';
  // Most names need no escape, and then the labels joined again are the text itself: skip the split.
  if (!needsEscape(plain)) return plain + '.';
  return plain.split('.').map(escapeLabel).join('.') + '.';
}

/** The plain octet text of a presentation name (a zone owner, an MX exchange), case kept, without the root dot. */
export function plainName(name: string): string {
  // Without escapes, the labels joined again are the name itself less its root dot.
  if (name.indexOf('\\') < 0) return name === ROOT ? '' : withoutRootDot(name);
  return labelsOf(name).join('.');
}

/** True for the root name, which an MX record names to say there is no mail host (RFC 7505). */
export function isRootName(name: string): boolean {
  return name === ROOT || name === '';
}

/** The plain octet text of a name from an answer (an MX exchange, a PTR target), lowercased for comparison. */
export function fromLookupName(name: string): string {
  return plainName(name).toLowerCase();
}

/** True when a domain can be put in a DNS query: no empty label, none over 63 octets, at most 253 in all. */
export function isQueryableName(domain: string): boolean {
  const plain = withoutRootDot(domain);
  if (plain.length === 0 || plain.length > MAX_NAME) return false;
  return plain.split('.').every((label) => label.length > 0 && label.length <= MAX_LABEL);
}

/**
 * The checks RFC 7208 §4.3 makes on the domain check_host() starts from: a queryable, multi-label name that is
 * not an address literal. Anything else gives the result `none`.
 */
export function isCheckableDomain(domain: string): boolean {
  if (domain.startsWith('[') || !isQueryableName(domain)) return false;
  return withoutRootDot(domain).includes('.');
}

/** Drops labels from the left until the name fits in 253 octets (RFC 7208 §7.3, after macro expansion). */
export function truncateLeft(domain: string): string {
  let name = withoutRootDot(domain);
  while (name.length > MAX_NAME) {
    const dot = name.indexOf('.');
    if (dot < 0) break;
    name = name.slice(dot + 1);
  }
  return name;
}

/** True when `name` is `ancestor` or below it, compared case-insensitively without root dots. */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  const n = withoutRootDot(name).toLowerCase();
  const a = withoutRootDot(ancestor).toLowerCase();
  return n === a || n.endsWith('.' + a);
}

/** True when some character of a plain name must be escaped in presentation form (what `escapeLabel` escapes). */
function needsEscape(plain: string): boolean {
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 34 || c === 36 || c === 40 || c === 41 || c === 59 || c === 64 || c === 92) return true;
  }
  return false;
}
