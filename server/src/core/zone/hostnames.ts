// Host-name syntax (RFC 952 as relaxed by RFC 1123 §2.1), as BIND's check-names applies it.

import { labelsOf } from './names';

const DOT = 46;
const HYPHEN = 45;
const STAR = 42;
const BACKSLASH = 92;

/**
 * True when every label is letters, digits and inner hyphens (a label may start with a digit, RFC 1123).
 * With `allowWildcard`, a leading `*` label is accepted, as BIND allows for owner names.
 */
export function isHostname(name: string, allowWildcard: boolean): boolean {
  // zone-check-names asks this for most names of a zone, so a name is read once, in place, with no label strings
  // built. At a backslash it is decoded instead, as an escaped dot does not end a label; up to the first backslash
  // both readings see the same labels, so a name the loop refuses before one is refused either way.
  if (name === '.') return true;
  // As in `labelsOf`, one trailing dot ends the last label; any other dot ends the label before it.
  const end = name.charCodeAt(name.length - 1) === DOT ? name.length - 1 : name.length;
  // The character before the current one; a dot at the start, so that it reads as the start of a label.
  let previous = DOT;
  for (let i = 0; i < end; i++) {
    const c = name.charCodeAt(i);
    if (isLetterOrDigit(c)) {
      previous = c;
    } else if (c === HYPHEN) {
      if (previous === DOT) return false;
      previous = c;
    } else if (c === DOT) {
      // An empty label, or one that ends in a hyphen.
      if (previous === DOT || previous === HYPHEN) return false;
      previous = c;
    } else if (c === STAR && allowWildcard && i === 0 && (end === 1 || name.charCodeAt(1) === DOT)) {
      previous = c;
    } else if (c === BACKSLASH) {
      return labelsAreHostname(labelsOf(name), allowWildcard);
    } else {
      return false;
    }
  }
  return previous !== DOT && previous !== HYPHEN;
}

function labelsAreHostname(labels: readonly string[], allowWildcard: boolean): boolean {
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (i === 0 && allowWildcard && label === '*') continue;
    if (!isHostLabel(label)) return false;
  }
  return true;
}

function isHostLabel(label: string): boolean {
  if (label.length === 0) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (isLetterOrDigit(c)) continue;
    if (c === HYPHEN && i > 0 && i < label.length - 1) continue;
    return false;
  }
  return true;
}

function isLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** True when a `*` label stands anywhere but first: such a name is not a wildcard, just a literal `*`. */
export function hasNonTerminalWildcard(name: string): boolean {
  // Asked for every record: most names hold neither a `*` nor an escape (which could decode to one), and need no
  // label split.
  if (name.indexOf('*') < 0 && name.indexOf('\\') < 0) return false;
  return labelsOf(name).some((label, index) => index > 0 && label === '*');
}

/**
 * BIND's owner check for A records: a host name, or one of the names it excepts: Active Directory's
 * `gc._msdcs.<forest>` and the targets of SPF `exists:` macros below `_spf`, `_spf_verify` or `_spf_rate` labels.
 */
export function isAddressOwnerName(name: string): boolean {
  // The exceptions only widen what passes, so a plain host name (nearly every A owner) needs no label split.
  if (isHostname(name, true)) return true;
  const labels = labelsOf(name);
  if (labels.length > 2) {
    if (labels[0].toLowerCase() === 'gc' && labels[1].toLowerCase() === '_msdcs' && isHostname(labels.slice(2).join('.') + '.', false)) return true;
    for (let i = 1; i < labels.length; i++) {
      const label = labels[i].toLowerCase();
      if (label === '_spf' || label === '_spf_verify' || label === '_spf_rate') return true;
    }
  }
  return false;
}

/** True for names in the reverse trees, where PTR targets must be host names. */
export function isReverseName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.in-addr.arpa.') || lower.endsWith('.ip6.arpa.') || lower === 'in-addr.arpa.' || lower === 'ip6.arpa.';
}

/** DNS-SD browsing names (RFC 6763 §11): `b`, `db`, `r`, `dr` or `lb` then `_dns-sd._udp`. */
export function isDnsSdName(name: string): boolean {
  const labels = labelsOf(name).map((label) => label.toLowerCase());
  return labels.length >= 3 && ['b', 'db', 'r', 'dr', 'lb'].includes(labels[0]) && labels[1] === '_dns-sd' && labels[2] === '_udp';
}
