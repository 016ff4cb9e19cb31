// zone-target-is-cname: MX, NS and SRV targets must be the canonical name, not an alias (RFC 2181 §10.3).

import { recordsAt } from '../zone/model';
import { isSubdomainOf } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { hostTargets } from './targets';

const TYPE_CNAME = 5;

export const rule: Rule = {
  meta: { id: 'zone-target-is-cname', defaultSeverity: 'warning', summary: 'An MX, NS or SRV target is an in-zone CNAME (RFC 2181 §10.3).' },
  check(context) {
    const { zone } = context;
    if (zone.origin === undefined) return;
    for (const { record, target, targetSpan } of hostTargets(zone)) {
      if (!isSubdomainOf(target, zone.origin)) continue;
      const cname = recordsAt(zone, target).find((other) => other.type === TYPE_CNAME);
      if (cname === undefined) continue;
      context.report({
        location: { file: record.file, span: targetSpan },
        message: `${typeName(record.type)} target ${target} is a CNAME; use the name it points to (RFC 2181 §10.3)`,
        related: [{ location: { file: cname.file, span: cname.typeSpan }, message: 'the CNAME record' }],
      });
    }
  },
};
