// Table test for dmarc-report-uri: rua/ruf entries that are not usable mailto: URIs, and the obsolete !size.

import { annotate, describeRuleTable, HEAD } from './table';

const E = 'error: dmarc-report-uri';
const W = 'warning: dmarc-report-uri';

describeRuleTable('dmarc-report-uri', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com , MAILTO:DMARC-Reports@Example.COM; ruf=mailto:f+x@example.com"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d%2Bx@example.com?subject=dmarc"\n',
  ],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=ftp://abuse.com"', ['ftp://abuse.com', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; ruf=mailto://abuse.com"', ['mailto://abuse.com', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; rua=bogus"', ['bogus', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua="', ['rua=', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:a@example.com!10m"', ['mailto:a@example.com!10m', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:a@example.com!10p"', ['mailto:a@example.com!10p', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:a@example.com,,mailto:b@example.com"', [',', E, 2]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:example.com"', ['mailto:example.com', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:a@localhost"', ['mailto:a@localhost', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:a%zz@example.com"', ['mailto:a%zz@example.com', E]),
  ],
});
