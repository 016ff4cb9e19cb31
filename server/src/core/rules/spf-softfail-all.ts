// spf-softfail-all: `~all` asks receivers to accept but mark mail from unlisted hosts; once every sender is
// listed, `-all` lets them reject it (RFC 7208 §8.4, §8.5).

import { spfRecordsOf } from '../email/spf/records';
import { locateInText } from '../email/txtRecords';
import { editFix } from '../edit/textEdit';
import { replaceInTxt } from '../edit/txt';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-softfail-all', defaultSeverity: 'information', summary: '~all: advise -all once every sender is listed.' },
  check(context) {
    // One title per way of writing the term: a zone where every record ends in ~all then holds it once.
    const titles = new Map<string, string>();
    for (const spf of spfRecordsOf(context.zone)) {
      const all = spf.parsed.all;
      if (all === undefined || all.qualifier !== '~') continue;
      let title = titles.get(all.text);
      if (title === undefined) {
        title = `Change "${all.text}" to "-all" (every sender is listed)`;
        titles.set(all.text, title);
      }
      // The record's joined text is built only when an editor asks for the fix.
      context.report({
        location: locateInText(spf.record, all),
        message: '"~all" only marks mail from unlisted hosts as suspicious (softfail); once every sender is listed, use -all so receivers may reject it',
        fixes: () => editFix({ title, edit: replaceInTxt(spf.zone, all, '-all'), isPreferred: true }),
      });
    }
  },
};
