// Table test for dmarc-syntax: the version tag, the tag-list grammar and the values of tags with a fixed syntax.

import { annotate, describeRuleTable, HEAD } from './table';

const E = 'error: dmarc-syntax';
const W = 'warning: dmarc-syntax';

describeRuleTable('dmarc-syntax', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"\n',
    HEAD + '_dmarc TXT "V = DMARC1 ; P = Reject ; adkim=S; aspf=r; fo=0:1:d:s; t=n; psd=u; np=quarantine; sp=none;  "\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=re" "ject"\n',
    HEAD + '_dmarc TXT "v=spf1 -all"\n',
    HEAD + 'example.org._report._dmarc TXT "v=DMARC1"\n',
    HEAD + 'example.org._report._dmarc TXT "v=DMARC1; rua=mailto:a@example.org; p=none"\n',
    HEAD + '@ TXT "v=dmarc1; p=bogus"\n',
  ],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=dmarc1; p=none"', ['dmarc1', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1 p=none"', ['v=DMARC1 p=none', E]),
    HEAD + annotate('_dmarc TXT "p=none; v=DMARC1"', ['v=DMARC1', E]),
    HEAD + annotate('_dmarc TXT ""', ['""', E]),
    HEAD + annotate('_dmarc TXT "V=BOB"', ['V=BOB', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC12; p=none"', ['v=DMARC12', E]),
    HEAD + annotate('_dmarc TXT "rua=mailto:a@example.com; p=reject"', ['rua=mailto:a@example.com', E]),
    HEAD +
      annotate(
        '_dmarc TXT "v=DMARC1; p=n; sp=bad; np=Rejected; adkim=x; aspf=123; fo=01; t=maybe; psd=yes"',
        ['n', E],
        ['bad', E],
        ['Rejected', E],
        ['x', E],
        ['123', E],
        ['01', E],
        ['maybe', E],
        ['yes', E],
      ),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=reject; fo="', ['fo=', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1;; p=reject"', [';', W, 2]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=reject; rua mailto:a@example.com"', ['rua mailto:a@example.com', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=reject; 1x=y"', ['1x', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; sp=reject; p=reject"', ['p=reject', W, 2]),
  ],
});
