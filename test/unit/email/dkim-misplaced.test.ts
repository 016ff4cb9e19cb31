// Table test for dkim-misplaced: v=DKIM1 records at names verifiers never query.

import { annotate, describeRuleTable, HEAD, RSA_1024 } from './table';

const W = 'warning: dkim-misplaced';
const KEY = `"v=DKIM1; p=${RSA_1024.slice(0, 40)}"`;

describeRuleTable('dkim-misplaced', {
  valid: [
    HEAD + `sel._domainkey TXT ${KEY}\n`,
    HEAD + `sel._domainkey.news TXT ${KEY}\n`,
    HEAD + `s1._domainkey CNAME s1.keys.example.com.\ns1.keys TXT ${KEY}\n`,
    HEAD + '@ TXT "v=DKIM10 is a different thing"\n',
  ],
  invalid: [HEAD + annotate(`@ TXT ${KEY}`, [KEY, W]), HEAD + annotate(`_domainkey TXT ${KEY}`, [KEY, W]), HEAD + annotate(`sel TXT ${KEY}`, [KEY, W])],
});
