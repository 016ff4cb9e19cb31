// Table test for dkim-testing: t=y among the flags.

import { annotate, describeRuleTable, HEAD, RSA_1024 } from './table';

describeRuleTable('dkim-testing', {
  valid: [HEAD + `sel._domainkey TXT "v=DKIM1; t=s; p=${RSA_1024}"\n`],
  invalid: [HEAD + annotate(`sel._domainkey TXT "v=DKIM1; t=y:s; p=${RSA_1024}"`, ['t=y:s', 'warning: dkim-testing'])],
});
