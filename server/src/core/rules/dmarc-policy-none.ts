// dmarc-policy-none: `p=none`, which asks receivers only to report; mail that fails DMARC is still delivered
// (RFC 9989 §4.7), so the domain stays open to spoofing until the policy is raised.

import type { DmarcTxt } from '../email/dmarc';
import { DmarcKey } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { locateInText } from '../email/txtRecords';
import { replaceInTxt } from '../edit/txt';
import type { Fix } from '../edit/textEdit';
import type { TextRange } from '../email/tagList';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-policy-none',
    defaultSeverity: 'warning',
    summary: 'p=none: receivers only report, and spoofed mail is still delivered.',
  },
  check(context) {
    // A zone can have thousands of these, so the tag is read from the shared parse rather than parsed again, and
    // its value replaced as `replaceTagValue` does, without building the tag.
    for (const entry of dmarcIndex(context.zone).policyNone) {
      const index = entry.indexOfTag(DmarcKey.P);
      context.report({
        location: locateInText(entry.record, entry.tagRange(index)),
        message: entry.indexOfTag(DmarcKey.Rua) < 0 ? MESSAGE_WITHOUT_RUA : MESSAGE,
        // Built when an editor asks: a zone can have a finding here for every domain.
        fixes: () => stageFixes(entry, index),
      });
    }
  },
};

/** The next stage is the obvious step; jumping to reject is for domains whose reports are already clean. */
function stageFixes(entry: DmarcTxt, index: number): Fix[] {
  const txt = { record: entry.record, text: entry.text };
  const valueRange: TextRange = { start: entry.tagValueStart(index), end: entry.tagValueEnd(index) };
  const fixes: Fix[] = [];
  const quarantine = replaceInTxt(txt, valueRange, 'quarantine');
  if (quarantine !== undefined) fixes.push({ title: 'Move to the next stage: p=quarantine (failing mail goes to spam)', isPreferred: true, edits: [quarantine] });
  const reject = replaceInTxt(txt, valueRange, 'reject');
  if (reject !== undefined) fixes.push({ title: 'Go straight to p=reject (failing mail is refused)', edits: [reject] });
  return fixes;
}

/** The message, whole: it changes only with whether the record has a rua= to read reports from. */
function message(reports: string): string {
  return (
    `p=none only monitors: mail that fails DMARC is still delivered, so the domain can still be spoofed. ` +
    `Roll out in stages: p=none while you read the aggregate reports and fix every legitimate sender${reports}, ` +
    `then p=quarantine, then p=reject.`
  );
}

const MESSAGE = message('');
const MESSAGE_WITHOUT_RUA = message(' (add rua= first: without it you get no reports to act on)');
