// spf-duplicate: a mechanism that repeats an earlier one can never change the result, and a repeated DNS term
// spends one more of the 10 lookups (RFC 7208 §4.6.4).

import { formatIp } from '../email/spf/ip';
import type { DomainSpec, Mechanism, ParsedSpf } from '../email/spf/parse';
import { isMechanism } from '../email/spf/parse';
import { locate, spfRecordsOf } from '../email/spf/records';
import { removeTerm } from '../edit/spf';
import { editFix } from '../edit/textEdit';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-duplicate', defaultSeverity: 'warning', summary: 'The same mechanism or include appears twice.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      if (!repeatsAKind(spf.parsed)) continue;
      const seen = new Map<string, Mechanism>();
      for (const term of spf.parsed.terms) {
        // A second `all` is reported by spf-after-all.
        if (!isMechanism(term) || term.kind === 'all') continue;
        const key = mechanismKey(term);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, term);
          continue;
        }
        const txt = spf.zone;
        context.report({
          location: locate(txt, term),
          message: `"${term.text}" repeats "${first.text}": the second one never changes the result${isDnsTerm(term) ? ' and costs one more DNS lookup' : ''}; remove it`,
          related: [{ location: locate(txt, first), message: 'first written here' }],
          fixes: editFix({ title: `Remove the repeated "${term.text}"`, edit: removeTerm(txt, term), isPreferred: true, safe: true }),
        });
      }
    }
  },
};

/** True when two mechanisms of one kind (`all` aside) stand in the record: only then can one repeat the other. */
function repeatsAKind(parsed: ParsedSpf): boolean {
  const { include, a, mx, ptr, ip4, ip6, exists } = parsed.counts;
  return include > 1 || a > 1 || mx > 1 || ptr > 1 || ip4 > 1 || ip6 > 1 || exists > 1;
}

/** What a mechanism matches, ignoring its qualifier, case, a root dot and host bits below the prefix. */
function mechanismKey(term: Exclude<Mechanism, { kind: 'all' }>): string {
  switch (term.kind) {
    case 'include':
    case 'exists':
      return `${term.kind}:${domainKey(term.domain)}`;
    case 'ptr':
      return `ptr:${term.domain === undefined ? '' : domainKey(term.domain)}`;
    case 'a':
    case 'mx':
      return `${term.kind}:${term.domain === undefined ? '' : domainKey(term.domain)}/${term.cidr.ip4 ?? 32}//${term.cidr.ip6 ?? 128}`;
    case 'ip4':
    case 'ip6':
      return `${term.kind}:${formatIp(masked(term.network, term.prefix))}/${term.prefix}`;
    default: {
      const unreachable: never = term;
      return unreachable;
    }
  }
}

/** Literal text compares without case; macros keep theirs, since `%{L}` expands differently from `%{l}`. */
function domainKey(spec: DomainSpec): string {
  const text = spec.parts.map((part) => {
    const written = spec.text.slice(part.start - spec.start, part.end - spec.start);
    return part.kind === 'literal' ? written.toLowerCase() : written;
  }).join('');
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

function masked(network: Uint8Array, prefix: number): Uint8Array {
  return network.map((octet, i) => {
    const bits = Math.max(0, Math.min(8, prefix - 8 * i));
    return octet & ((0xff << (8 - bits)) & 0xff);
  });
}

function isDnsTerm(term: Mechanism): boolean {
  return term.kind !== 'ip4' && term.kind !== 'ip6' && term.kind !== 'all';
}
