// dkim-key-invalid: `p=` decodes as base64 but not to a key of the type `k=` names (RFC 6376 §3.6.1: an RSA
// SubjectPublicKeyInfo; RFC 8463 §4.2: 32 raw Ed25519 octets), so verifiers cannot use it.

import { checkedDkimRecords, MailAliasIndex } from '../email/aliases';
import { keyValueLocation } from '../email/dkim';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dkim-key-invalid',
    defaultSeverity: 'error',
    summary: 'p= does not decode to a key of the type k= names.',
  },
  check(context) {
    for (const entry of checkedDkimRecords(context.zone, new MailAliasIndex(context.workspace))) {
      const key = entry.key;
      if (key === undefined) continue;
      if (key.kind === 'invalid') {
        context.report({ location: keyValueLocation(entry), message: key.message });
      } else if (key.kind === 'rsa' && key.encoding === 'pkcs1') {
        context.report({
          location: keyValueLocation(entry),
          message:
            'p= holds a bare RSAPublicKey (PKCS#1), not a SubjectPublicKeyInfo: RFC 6376 names the former, but most verifiers (OpenDKIM among them) read only the latter, as the RFC\'s own example shows; publish the key as openssl rsa -pubout prints it',
          severity: 'warning',
        });
      }
    }
  },
};
