// The registry of every rule, sorted by id; nothing else lives here.

import { rule as dkimCnameTarget } from './dkim-cname-target';
import { rule as dkimKeyInvalid } from './dkim-key-invalid';
import { rule as dkimKeyWeak } from './dkim-key-weak';
import { rule as dkimMisplaced } from './dkim-misplaced';
import { rule as dkimObsoleteTag } from './dkim-obsolete-tag';
import { rule as dkimRevoked } from './dkim-revoked';
import { rule as dkimSha1 } from './dkim-sha1';
import { rule as dkimSyntax } from './dkim-syntax';
import { rule as dkimTesting } from './dkim-testing';
import { rule as dkimUnknownKeyType } from './dkim-unknown-key-type';
import { rule as dmarcDuplicateTag } from './dmarc-duplicate-tag';
import { rule as dmarcExternalReportAuth } from './dmarc-external-report-auth';
import { rule as dmarcMisplaced } from './dmarc-misplaced';
import { rule as dmarcMissingPolicy } from './dmarc-missing-policy';
import { rule as dmarcMultipleRecords } from './dmarc-multiple-records';
import { rule as dmarcNoRua } from './dmarc-no-rua';
import { rule as dmarcNotDmarc } from './dmarc-not-dmarc';
import { rule as dmarcPolicyNone } from './dmarc-policy-none';
import { rule as dmarcRemovedTag } from './dmarc-removed-tag';
import { rule as dmarcReportUri } from './dmarc-report-uri';
import { rule as dmarcSubdomainPolicyWeaker } from './dmarc-subdomain-policy-weaker';
import { rule as dmarcSyntax } from './dmarc-syntax';
import { rule as dmarcUnknownTag } from './dmarc-unknown-tag';
import { rule as mailDkimMissing } from './mail-dkim-missing';
import { rule as mailDmarcMissing } from './mail-dmarc-missing';
import { rule as mailNoMailIncomplete } from './mail-no-mail-incomplete';
import { rule as mailSpfMissing } from './mail-spf-missing';
import { rule as spfAfterAll } from './spf-after-all';
import { rule as spfDuplicate } from './spf-duplicate';
import { rule as spfIncludeTarget } from './spf-include-target';
import { rule as spfLookupLimit } from './spf-lookup-limit';
import { rule as spfLoop } from './spf-loop';
import { rule as spfMultipleRecords } from './spf-multiple-records';
import { rule as spfMxPtrLimit } from './spf-mx-ptr-limit';
import { rule as spfNoAll } from './spf-no-all';
import { rule as spfPermissiveAll } from './spf-permissive-all';
import { rule as spfPtr } from './spf-ptr';
import { rule as spfRedirectIgnored } from './spf-redirect-ignored';
import { rule as spfRrType } from './spf-rr-type';
import { rule as spfSenderId } from './spf-sender-id';
import { rule as spfSoftfailAll } from './spf-softfail-all';
import { rule as spfStringJoin } from './spf-string-join';
import { rule as spfSyntax } from './spf-syntax';
import { rule as spfTooLong } from './spf-too-long';
import { rule as spfUnresolved } from './spf-unresolved';
import { rule as spfVoidLookupLimit } from './spf-void-lookup-limit';
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
  dkimCnameTarget,
  dkimKeyInvalid,
  dkimKeyWeak,
  dkimMisplaced,
  dkimObsoleteTag,
  dkimRevoked,
  dkimSha1,
  dkimSyntax,
  dkimTesting,
  dkimUnknownKeyType,
  dmarcDuplicateTag,
  dmarcExternalReportAuth,
  dmarcMisplaced,
  dmarcMissingPolicy,
  dmarcMultipleRecords,
  dmarcNoRua,
  dmarcNotDmarc,
  dmarcPolicyNone,
  dmarcRemovedTag,
  dmarcReportUri,
  dmarcSubdomainPolicyWeaker,
  dmarcSyntax,
  dmarcUnknownTag,
  mailDkimMissing,
  mailDmarcMissing,
  mailNoMailIncomplete,
  mailSpfMissing,
  spfAfterAll,
  spfDuplicate,
  spfIncludeTarget,
  spfLookupLimit,
  spfLoop,
  spfMultipleRecords,
  spfMxPtrLimit,
  spfNoAll,
  spfPermissiveAll,
  spfPtr,
  spfRedirectIgnored,
  spfRrType,
  spfSenderId,
  spfSoftfailAll,
  spfStringJoin,
  spfSyntax,
  spfTooLong,
  spfUnresolved,
  spfVoidLookupLimit,
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
