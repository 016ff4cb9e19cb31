// dmarc-syntax: a DMARC record whose version, tag-list grammar or tag values break RFC 9989 §4.7, so receivers
// ignore the record or the tag.

import { dmarcTag, dmarcValueProblem } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import type { TagListProblemKind } from '../email/tagList';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-syntax',
    defaultSeverity: 'error',
    summary: 'A DMARC record breaks the RFC 9989 grammar: v=DMARC1 not first, or an invalid value for a known tag.',
  },
  check(context) {
    // Only records with something the rule could report are read again: broken ones, grammar slips, values
    // that are not obviously valid, and a `p` out of place.
    for (const entry of dmarcIndex(context.zone).syntaxSuspects) {
      const { record, text, parsed } = entry;
      const at = (range: { start: number; end: number }) => textLocation(record, text, range);
      if (parsed.versionProblem !== undefined) {
        context.report({ location: at(parsed.versionProblem.range), message: parsed.versionProblem.message });
      }
      for (const problem of parsed.tagList.problems) {
        const message = GRAMMAR_MESSAGES[problem.kind];
        if (message === undefined) continue;
        context.report({
          location: at(problem.range),
          message: message(text.text.slice(problem.range.start, problem.range.end)),
          severity: problem.kind === 'empty-tag' ? 'warning' : 'error',
        });
      }
      for (const tag of parsed.tags) {
        const problem = dmarcValueProblem(tag);
        if (problem !== undefined) context.report({ location: at(tag.value === '' ? tag.range : tag.valueRange), message: problem });
      }
      const policy = dmarcTag(parsed, 'p');
      if (entry.placementKind === 'policy' && parsed.kind === 'dmarc' && policy !== undefined && parsed.tags[1] !== policy) {
        context.report({
          location: at(policy.range),
          message:
            'p= should come right after v=DMARC1: RFC 9989 allows any order, but parsers that follow RFC 7489 (mox, for one) reject the whole record otherwise',
          severity: 'warning',
        });
      }
    }
  },
};

/** Messages for the grammar slips that matter in DMARC; its grammar allows whitespace after the last `;`. */
const GRAMMAR_MESSAGES: Readonly<Record<TagListProblemKind, ((written: string) => string) | undefined>> = {
  'empty-tag': () => 'a stray `;` (an empty tag): the grammar has no empty tags; receivers skip it, but remove it',
  'missing-equals': (written) => `\`${written}\` is not a tag=value pair: receivers ignore it`,
  'bad-tag-name': (written) => `\`${written}\` is not a tag name (letters only): receivers ignore the tag`,
  'bad-value-char': () => 'a control character or non-ASCII octet in a value: receivers ignore the tag',
  'trailing-whitespace': undefined,
};
