// Table test for dkim-cname-target: Microsoft 365 selector CNAMEs whose targets do not fit Microsoft's patterns.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: dkim-cname-target';

describeRuleTable('dkim-cname-target', {
  valid: [
    HEAD +
      'selector1._domainkey CNAME selector1-example-com._domainkey.contoso.onmicrosoft.com.\n' +
      'selector2._domainkey CNAME selector2-example-com._domainkey.contoso.onmicrosoft.com.\n',
    HEAD +
      'selector1._domainkey CNAME selector1-example-com-01a._domainkey.contoso.r-v1.dkim.mail.microsoft.\n' +
      'selector2._domainkey CNAME selector2-example-com-01a._domainkey.contoso.r-v1.dkim.mail.microsoft.\n',
    HEAD + 'selector1._domainkey.my-shop CNAME selector1-myshop-example-com._domainkey.contoso.onmicrosoft.com.\n',
    HEAD + 'selector1._domainkey.my-shop CNAME selector1-my-shop-example-com._domainkey.contoso.onmicrosoft.com.\n',
    HEAD + 'selector1._domainkey CNAME s1.domainkey.u123.wl.sendgrid.net.\n',
    HEAD + 's1._domainkey CNAME selector2-example-com._domainkey.contoso.onmicrosoft.com.\n',
  ],
  invalid: [
    HEAD + annotate('selector1._domainkey CNAME selector2-example-com._domainkey.contoso.onmicrosoft.com.', ['selector2-example-com._domainkey.contoso.onmicrosoft.com.', W]),
    HEAD + annotate('selector1._domainkey CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com.', ['selector1-contoso-com._domainkey.contoso.onmicrosoft.com.', W]),
    HEAD + annotate('selector2._domainkey CNAME selector2-example-com.contoso.onmicrosoft.com.', ['selector2-example-com.contoso.onmicrosoft.com.', W]),
    HEAD + annotate('selector1._domainkey CNAME selector1-example-com._domainkey.contoso.dkim.mail.microsoft.', ['selector1-example-com._domainkey.contoso.dkim.mail.microsoft.', W]),
    HEAD + annotate('selector2._domainkey CNAME selector1-example-com._domainkey.contoso.n-v1.dkim.mail.microsoft.', ['selector1-example-com._domainkey.contoso.n-v1.dkim.mail.microsoft.', W]),
  ],
});
