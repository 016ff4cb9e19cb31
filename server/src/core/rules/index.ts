// The registry of every rule, sorted by id; nothing else lives here.

import { rule as zoneApexNsMissing } from './zone-apex-ns-missing';
import { rule as zoneBadName } from './zone-bad-name';
import { rule as zoneBadRdata } from './zone-bad-rdata';
import { rule as zoneBadTtl } from './zone-bad-ttl';
import { rule as zoneCheckNames } from './zone-check-names';
import { rule as zoneClassMismatch } from './zone-class-mismatch';
import { rule as zoneCnameAndOtherData } from './zone-cname-and-other-data';
import { rule as zoneDsPlacement } from './zone-ds-placement';
import { rule as zoneDuplicateRecord } from './zone-duplicate-record';
import { rule as zoneGenerate } from './zone-generate';
import { rule as zoneInclude } from './zone-include';
import { rule as zoneInheritedOwnerAfterOrigin } from './zone-inherited-owner-after-origin';
import { rule as zoneNoOwner } from './zone-no-owner';
import { rule as zoneNoTtl } from './zone-no-ttl';
import { rule as zoneOriginUnknown } from './zone-origin-unknown';
import { rule as zoneOutOfZone } from './zone-out-of-zone';
import { rule as zoneSoa } from './zone-soa';
import { rule as zoneSyntax } from './zone-syntax';
import { rule as zoneTargetIsCname } from './zone-target-is-cname';
import { rule as zoneTargetNoAddress } from './zone-target-no-address';
import { rule as zoneTtlInherited } from './zone-ttl-inherited';
import { rule as zoneTtlMismatch } from './zone-ttl-mismatch';
import { rule as zoneTxtStringTooLong } from './zone-txt-string-too-long';
import { rule as zoneUnknownType } from './zone-unknown-type';
import { rule as zoneUnquotedSemicolon } from './zone-unquoted-semicolon';
import { rule as zoneUnusedSuppression } from './zone-unused-suppression';
import type { Rule } from './rule';

export const ALL_RULES: readonly Rule[] = [
  zoneApexNsMissing,
  zoneBadName,
  zoneBadRdata,
  zoneBadTtl,
  zoneCheckNames,
  zoneClassMismatch,
  zoneCnameAndOtherData,
  zoneDsPlacement,
  zoneDuplicateRecord,
  zoneGenerate,
  zoneInclude,
  zoneInheritedOwnerAfterOrigin,
  zoneNoOwner,
  zoneNoTtl,
  zoneOriginUnknown,
  zoneOutOfZone,
  zoneSoa,
  zoneSyntax,
  zoneTargetIsCname,
  zoneTargetNoAddress,
  zoneTtlInherited,
  zoneTtlMismatch,
  zoneTxtStringTooLong,
  zoneUnknownType,
  zoneUnquotedSemicolon,
  zoneUnusedSuppression,
];
