// Table test for dkim-sha1: h= that allows sha1 and nothing better.

import { annotate, describeRuleTable, HEAD, RSA_1024 } from './table';

const W = 'warning: dkim-sha1';

describeRuleTable('dkim-sha1', {
  valid: [HEAD + `sel._domainkey TXT "v=DKIM1; h=sha1:sha256; p=${RSA_1024}"\n`, HEAD + `sel._domainkey TXT "v=DKIM1; h=sha0; p=${RSA_1024}"\n`],
  invalid: [
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; h=sha1; p=${RSA_1024}"`, ['h=sha1', W]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; h = SHA1 : md5; p=${RSA_1024}"`, ['h = SHA1 : md5', W]),
  ],
});
