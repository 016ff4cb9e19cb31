// Host-name syntax (RFC 952 as relaxed by RFC 1123 §2.1), as BIND's check-names applies it.

import { labelsOf } from './names';

/**
 * True when every label is letters, digits and inner hyphens (a label may start with a digit, RFC 1123).
 * With `allowWildcard`, a leading `*` label is accepted, as BIND allows for owner names.
 */
export function isHostname(name: string, allowWildcard: boolean): boolean {
  const labels = labelsOf(name);
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
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum) continue;
    if (c === 45 && i > 0 && i < label.length - 1) continue;
    return false;
  }
  return true;
}

/** True when a `*` label stands anywhere but first: such a name is not a wildcard, just a literal `*`. */
export function hasNonTerminalWildcard(name: string): boolean {
  return labelsOf(name).some((label, index) => index > 0 && label === '*');
}
