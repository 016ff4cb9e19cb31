// dkim-key-weak: an RSA key under 2048 bits, which RFC 8301 §3.2 says signers should not use; under 1024 bits
// they must not, and verifiers treat such signatures as failed.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { keyValueLocation } from '../email/dkim';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-key-weak', defaultSeverity: 'warning', summary: 'An RSA key under 2048 bits (error under 1024).' },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      const key = entry.key;
      if (key === undefined || key.kind !== 'rsa' || key.bits >= 2048) continue;
      if (key.bits < 1024) {
        context.report({
          location: keyValueLocation(entry),
          message: `RSA key of ${key.bits} bits: RFC 8301 §3.2 forbids signing with keys under 1024 bits, and verifiers treat such signatures as failed; publish a 2048-bit key`,
          severity: 'error',
        });
      } else {
        context.report({
          location: keyValueLocation(entry),
          message: `RSA key of ${key.bits} bits: RFC 8301 §3.2 asks signers for at least 2048 bits; publish a 2048-bit key under a new selector and switch to it`,
        });
      }
    }
  },
};
