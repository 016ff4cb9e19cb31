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

/**
 * BIND's owner check for A records: a host name, or one of the names it excepts: Active Directory's
 * `gc._msdcs.<forest>` and the targets of SPF `exists:` macros below `_spf`, `_spf_verify` or `_spf_rate` labels.
 */
export function isAddressOwnerName(name: string): boolean {
  const labels = labelsOf(name);
  if (labels.length > 2) {
    if (labels[0].toLowerCase() === 'gc' && labels[1].toLowerCase() === '_msdcs' && isHostname(labels.slice(2).join('.') + '.', false)) return true;
    for (let i = 1; i < labels.length; i++) {
      const label = labels[i].toLowerCase();
      if (label === '_spf' || label === '_spf_verify' || label === '_spf_rate') return true;
    }
  }
  return isHostname(name, true);
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
