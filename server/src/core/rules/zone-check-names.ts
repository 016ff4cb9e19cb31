// zone-check-names: host names must follow RFC 952/1123 where hosts are named (A/AAAA/MX owners, NS/MX/SRV
// targets, the SOA primary server), as BIND's check-names does; named itself refuses such primary zones.

import type { Span } from '../types';
import { hasNonTerminalWildcard, isAddressOwnerName, isDnsSdName, isHostname, isReverseName } from '../zone/hostnames';
import type { ResourceRecord } from '../zone/model';
import { escapeLabel } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule, RuleReport } from './rule';
import { forEachRecordOfTypes, hostTargets, hostTargetSpan, ownersWithSuspectNames, reportInZoneOrder } from './targets';

const TYPE_A = 1;
const TYPE_SOA = 6;
const TYPE_PTR = 12;
const TYPE_MX = 15;
const TYPE_AAAA = 28;
const TYPE_SVCB = 64;
const TYPE_HTTPS = 65;

export const rule: Rule = {
  meta: { id: 'zone-check-names', defaultSeverity: 'warning', summary: 'Host-name syntax (RFC 952/1123) broken in an A/AAAA/MX owner or a host-name target.' },
  check(context) {
    const { zone } = context;
    // The findings on owners, PTR targets and SOA primaries, by record, to be reported in zone order.
    const findings = new Map<ResourceRecord, RuleReport[]>();
    const add = (record: ResourceRecord, span: Span | undefined, message: string): void => {
      if (record.generated && span === undefined) return;
      const report = { location: { file: record.file, span: span ?? record.typeSpan }, message };
      const reports = findings.get(record);
      if (reports === undefined) findings.set(record, [report]);
      else reports.push(report);
    };
    for (const records of ownersWithSuspectNames(zone)) {
      for (const record of records) {
        const type = record.type;
        const badHostOwner = type === TYPE_A ? !isAddressOwnerName(record.owner) : (type === TYPE_AAAA || type === TYPE_MX) && !isHostname(record.owner, true);
        if (badHostOwner) {
          add(record, record.ownerSpan, `${record.owner}: bad owner name for ${typeName(type)} (check-names): host names use letters, digits and inner hyphens only`);
        }
        // The name is checked before its span is read: the span may be built on each read.
        if (hasNonTerminalWildcard(record.owner)) {
          const ownerSpan = record.ownerSpan;
          if (ownerSpan !== undefined) add(record, ownerSpan, `${record.owner}: a '*' that is not the first label is not a wildcard, only a literal '*'`);
        }
      }
    }
    forEachRecordOfTypes(zone, [TYPE_PTR, TYPE_SOA], (record) => {
      const data = record.data;
      if (data.kind === 'target') {
        if (isReverseName(record.owner) && !isDnsSdName(record.owner) && !isHostname(data.target, false)) {
          add(record, data.targetSpan, `PTR target ${data.target} in a reverse zone is not a valid host name (check-names)`);
        }
      } else if (data.kind === 'soa' && !isHostname(data.mname, false)) {
        add(record, record.rdataSpan, `SOA primary server ${data.mname} is not a valid host name (check-names)`);
      }
    });
    reportInZoneOrder(context, findings);
    forEachRecordOfTypes(zone, [TYPE_SVCB, TYPE_HTTPS], (record) => {
      const target = svcbTarget(record.wire);
      if (target !== undefined && target !== '.' && !isHostname(target, false)) {
        context.report({ location: { file: record.file, span: record.rdataSpan }, message: `${typeName(record.type)} target ${target} is not a valid host name (check-names)` });
      }
    });
    const hosts = hostTargets(zone);
    for (let i = 0; i < hosts.records.length; i++) {
      if (hosts.validHostnames[i] === 1) continue;
      const record = hosts.records[i];
      context.report({
        location: { file: record.file, span: hostTargetSpan(hosts.data[i]) },
        message: `${typeName(record.type)} target ${hosts.targets[i]} is not a valid host name (check-names): letters, digits and inner hyphens only`,
      });
    }
  },
};

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
