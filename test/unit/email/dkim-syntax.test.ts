// Table test for dkim-syntax: the tag-list grammar, v=, p=, base64, duplicate tags and h= of key records.

import { annotate, describeRuleTable, DKIM_2048_RDATA, ED25519, HEAD, RSA_1024 } from './table';

const E = 'error: dkim-syntax';
const W = 'warning: dkim-syntax';

describeRuleTable('dkim-syntax', {
  valid: [
    HEAD + `sel._domainkey TXT ${DKIM_2048_RDATA}\n`,
    HEAD + `sel._domainkey TXT "k=ed25519; p=${ED25519}"\n`,
    HEAD + `sel._domainkey TXT "v = DKIM1 ;   h\\t=\\tsha1 \\t:\\t SHA256:unknown\\t;k=ed25519; n = notes...; p = ${ED25519.slice(0, 10)} ${ED25519.slice(10)}  ;s = email : tlsrpt; t = y\\t: t; unknown = bogus;"\n`,
    HEAD + 'sel._domainkey TXT "V=DKIM2; p=;"\n',
    HEAD + '_adsp._domainkey TXT "dkim=all"\n_report._domainkey TXT "ra=dkim-feedbacks"\n_domainkey TXT "o=~"\n',
    HEAD + '@ TXT "v=DKIM1"\n',
  ],
  invalid: [
    HEAD + annotate('sel._domainkey TXT "v=DKIM1"', ['"v=DKIM1"', E]),
    HEAD + annotate('sel._domainkey TXT ""', ['""', E]),
    HEAD + annotate('sel._domainkey TXT "p=; v=DKIM1"', ['v=DKIM1', E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1; p=; "', [' ', E, 4]),
    HEAD + annotate('sel._domainkey TXT "v=dkim1; p="', ['v=dkim1', E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM0; p="', ['v=DKIM0', E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1: g=*; p="', ['v=DKIM1: g=*', E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1; p=; p="', ['p=', E, 2]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1; k=rsa; omgwhatsgoingon"', ['"v=DKIM1; k=rsa; omgwhatsgoingon"', E], ['omgwhatsgoingon', E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1;; p="', [';', E, 2]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; p=MIGf!${RSA_1024.slice(5)}"`, ['!', E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; p=${RSA_1024.slice(0, -1)}"`, [RSA_1024.slice(0, -1), E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; h=sha0; p=${RSA_1024}"`, ['h=sha0', W]),
  ],
});
