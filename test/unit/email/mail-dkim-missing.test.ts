// Table test for mail-dkim-missing: Microsoft 365 domains (SPF include or MX host) without selector1/selector2.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: mail-dkim-missing';
const SELECTORS =
  'selector1._domainkey CNAME selector1-example-com._domainkey.contoso.onmicrosoft.com.\n' +
  'selector2._domainkey CNAME selector2-example-com._domainkey.contoso.onmicrosoft.com.\n';

describeRuleTable('mail-dkim-missing', {
  valid: [
    HEAD + '@ MX 0 example-com.mail.protection.outlook.com.\n@ TXT "v=spf1 include:spf.protection.outlook.com -all"\n' + SELECTORS,
    HEAD + '@ MX 10 aspmx.l.google.com.\n@ TXT "v=spf1 include:_spf.google.com ~all"\n',
    HEAD + '@ TXT "v=spf1 include:spf.protection.outlook.com.evil.example -all"\n',
  ],
  invalid: [
    HEAD + annotate('@ TXT "v=spf1 include:spf.protection.outlook.com -all"', ['include:spf.protection.outlook.com', W]),
    HEAD + annotate('@ MX 0 example-com.mail.protection.outlook.com.', ['example-com.mail.protection.outlook.com.', W]) + SELECTORS.split('\n')[0] + '\n',
    HEAD + annotate('@ MX 0 example-com.o-v1.mx.microsoft.', ['example-com.o-v1.mx.microsoft.', W]),
    HEAD + annotate('shop TXT "v=spf1 ip4:192.0.2.1 ~include:spf.protection.outlook.com -all"', ['~include:spf.protection.outlook.com', W]) + SELECTORS,
  ],
});
