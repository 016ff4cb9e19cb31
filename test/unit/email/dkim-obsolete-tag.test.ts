// Table test for dkim-obsolete-tag: g=, which RFC 6376 dropped.

import { annotate, describeRuleTable, HEAD, RSA_1024 } from './table';

describeRuleTable('dkim-obsolete-tag', {
  valid: [HEAD + `sel._domainkey TXT "v=DKIM1; n=notes; s=email; p=${RSA_1024}"\n`],
  invalid: [HEAD + annotate(`sel._domainkey TXT "v=DKIM1; g=*; k=rsa; p=${RSA_1024}"`, ['g=*', 'information: dkim-obsolete-tag'])],
});
