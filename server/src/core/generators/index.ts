// The generators behind the editor's commands, as pure functions of a zone: which mail domain a place in a file
// belongs to, and one entry point that runs a request and returns the edits to apply.

import { dmarcPlacement } from '../email/dmarc';
import { dkimKeyName } from '../email/dkim';
import type { SourceFile } from '../types';
import type { Zone } from '../zone/model';
import { addDkimKeyRecord } from './dkimKey';
import { addDmarcRecord } from './dmarc';
import type { Generated } from './generated';
import { addMicrosoft365Dkim } from './microsoft365Dkim';
import { makeNoMail } from './noMail';
import type { GeneratorRequest } from './requests';
import { bumpSoaSerial } from './serial';
import { addSpfRecord } from './spf';

export type { Generated } from './generated';
export type { GeneratorRequest } from './requests';

/** Runs one generator on a zone for a mail domain (absolute). `now` dates the serial bump. */
export function runGenerator(options: { zone: Zone; domain: string; request: GeneratorRequest; now: Date }): Generated {
  const { zone, domain, request } = options;
  switch (request.kind) {
    case 'dmarc':
      return addDmarcRecord({ zone, domain, policy: request.policy, reportAddress: request.reportAddress });
    case 'spf':
      return addSpfRecord({ zone, domain });
    case 'microsoft365-dkim':
      return addMicrosoft365Dkim({ zone, domain, input: request.input });
    case 'dkim-key':
      return addDkimKeyRecord({ zone, domain, selector: request.selector, input: request.input });
    case 'no-mail':
      return makeNoMail({ zone, domain });
    case 'bump-serial':
      return bumpSoaSerial({ zone, now: options.now });
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}

/**
 * The mail domain a place in a file belongs to: the owner of the record there, with `_dmarc`, `<selector>._domainkey`
 * and `<domain>._report._dmarc` read back to the domain they serve; the zone's origin between records.
 */
export function mailDomainAt(options: { zone: Zone; file: SourceFile; offset: number }): string | undefined {
  const { zone, file, offset } = options;
  const { line } = file.positionAt(offset);
  const record = zone.records.find((candidate) => candidate.file === file && file.positionAt(candidate.span.start).line <= line && line <= file.positionAt(candidate.span.end).line);
  if (record === undefined) return zone.origin;
  const placement = dmarcPlacement(record.owner);
  switch (placement.kind) {
    case 'policy':
      return placement.domain;
    case 'report-authorization':
      return placement.destination;
    case 'elsewhere':
      return dkimKeyName(record.owner)?.domain ?? record.owner;
    default: {
      const unreachable: never = placement;
      return unreachable;
    }
  }
}
