// zone-check-names: host names must follow RFC 952/1123 where hosts are named (A/AAAA/MX owners, NS/MX/SRV
// targets, the SOA primary server), as BIND's check-names does; named itself refuses such primary zones.

import type { Span } from '../types';
import { hasNonTerminalWildcard, isAddressOwnerName, isDnsSdName, isHostname, isReverseName } from '../zone/hostnames';
import { escapeLabel } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule, RuleContext } from './rule';
import { hostTargets } from './targets';
import type { ResourceRecord } from '../zone/model';

const TYPE_A = 1;
const TYPE_PTR = 12;
const TYPE_SVCB = 64;
const TYPE_HTTPS = 65;
const HOST_OWNER_TYPES = new Set([TYPE_A, 28 /* AAAA */, 15 /* MX */]);

export const rule: Rule = {
  meta: { id: 'zone-check-names', defaultSeverity: 'warning', summary: 'Host-name syntax (RFC 952/1123) broken in an A/AAAA/MX owner or a host-name target.' },
  check(context) {
    for (const record of context.zone.records) {
      const validOwner = record.type === TYPE_A ? isAddressOwnerName(record.owner) : isHostname(record.owner, true);
      if (HOST_OWNER_TYPES.has(record.type) && !validOwner) {
        report(context, record, record.ownerSpan, `${record.owner}: bad owner name for ${typeName(record.type)} (check-names): host names use letters, digits and inner hyphens only`);
      }
      if (record.ownerSpan !== undefined && hasNonTerminalWildcard(record.owner)) {
        report(context, record, record.ownerSpan, `${record.owner}: a '*' that is not the first label is not a wildcard, only a literal '*'`);
      }
      if (record.type === TYPE_PTR && record.data.kind === 'target' && isReverseName(record.owner) && !isDnsSdName(record.owner) && !isHostname(record.data.target, false)) {
        report(context, record, record.data.targetSpan, `PTR target ${record.data.target} in a reverse zone is not a valid host name (check-names)`);
      }
      if (record.data.kind === 'soa' && !isHostname(record.data.mname, false)) {
        report(context, record, record.rdataSpan, `SOA primary server ${record.data.mname} is not a valid host name (check-names)`);
      }
    }
    for (const record of context.zone.records) {
      if (record.type !== TYPE_SVCB && record.type !== TYPE_HTTPS) continue;
      const target = svcbTarget(record.wire);
      if (target !== undefined && target !== '.' && !isHostname(target, false)) {
        report(context, record, record.rdataSpan, `${typeName(record.type)} target ${target} is not a valid host name (check-names)`);
      }
    }
    for (const { record, target, targetSpan } of hostTargets(context.zone)) {
      if (!isHostname(target, false)) {
        report(context, record, targetSpan, `${typeName(record.type)} target ${target} is not a valid host name (check-names): letters, digits and inner hyphens only`);
      }
    }
  },
};

function report(context: RuleContext, record: ResourceRecord, span: Span | undefined, message: string): void {
  if (record.generated && span === undefined) return;
  context.report({ location: { file: record.file, span: span ?? record.typeSpan }, message });
}

/** The TargetName of SVCB/HTTPS wire rdata (RFC 9460 §2.2: a 2-octet priority, then an uncompressed name). */
function svcbTarget(wire: Uint8Array): string | undefined {
  const labels: string[] = [];
  let at = 2;
  while (at < wire.length) {
    const length = wire[at];
    if (length === 0) return labels.length === 0 ? '.' : labels.map(escapeLabel).join('.') + '.';
    labels.push(Buffer.from(wire.subarray(at + 1, at + 1 + length)).toString('latin1'));
    at += length + 1;
  }
  return undefined;
}
