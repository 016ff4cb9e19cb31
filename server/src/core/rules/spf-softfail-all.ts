// spf-softfail-all: `~all` asks receivers to accept but mark mail from unlisted hosts; once every sender is
// listed, `-all` lets them reject it (RFC 7208 §8.4, §8.5).

import type { AllMechanism } from '../email/spf/parse';
import { locate, spfRecordsOf } from '../email/spf/records';
import { editFix } from '../edit/textEdit';
import { replaceInTxt } from '../edit/txt';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-softfail-all', defaultSeverity: 'information', summary: '~all: advise -all once every sender is listed.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      const all = spf.parsed.terms.find((term): term is AllMechanism => term.kind === 'all');
      if (all === undefined || all.qualifier !== '~') continue;
      context.report({
        location: locate(spf.zone, all),
        message: '"~all" only marks mail from unlisted hosts as suspicious (softfail); once every sender is listed, use -all so receivers may reject it',
        fixes: editFix({ title: `Change "${all.text}" to "-all" (every sender is listed)`, edit: replaceInTxt(spf.zone, all, '-all'), isPreferred: true }),
      });
    }
  },
};
