// The "Make this domain no-mail" generator and the mail-no-mail-incomplete fix: the set M3AAWG recommends for a
// domain that handles no mail (null MX `0 .` per RFC 7505, `v=spf1 -all`, DMARC p=reject), added or completed.

import { dmarcTag, dmarcTxtOf, policyOf } from '../email/dmarc';
import { isNoMailSpf } from '../email/mailDomains';
import { isSpfText, shown, TYPE_CNAME, TYPE_MX, txtRecordText } from '../email/txtRecords';
import { deleteRecords, insertRecords } from '../edit/insert';
import type { NewRecord } from '../edit/insert';
import type { TextEdit } from '../edit/textEdit';
import { replaceInTxt, rewriteTxt } from '../edit/txt';
import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { ROOT } from '../zone/names';
import { mailRecordsOf } from './dmarc';
import type { Generated } from './generated';
import { generated, refused } from './generated';

export const NO_MAIL_SPF = 'v=spf1 -all';
export const NO_MAIL_DMARC = 'v=DMARC1; p=reject';

/** Which parts of the no-mail set to put in place. */
export interface NoMailParts {
  /** A null MX; with `replaceMx`, instead of the MX records the domain has. */
  readonly nullMx: boolean;
  readonly replaceMx: boolean;
  /** `v=spf1 -all`, replacing the domain's SPF records. */
  readonly spf: boolean;
  /** DMARC p=reject at `_dmarc.<domain>`: a new record, or the policy of the one there raised. */
  readonly dmarc: boolean;
}

/** The edits that put the chosen parts of the no-mail set in place for a domain of the zone. */
export function noMailEdits(options: { zone: Zone; domain: string; parts: NoMailParts }): TextEdit[] {
  const { zone, domain, parts } = options;
  const edits: TextEdit[] = [];
  const added: NewRecord[] = [];
  const doomed: ResourceRecord[] = [];
  const records = recordsAt(zone, domain).filter((record) => !record.generated);
  if (parts.nullMx) {
    const mx = records.filter((record) => record.type === TYPE_MX && record.data.kind === 'mx');
    const nullRecord = mx.find((record) => record.data.kind === 'mx' && record.data.exchange === ROOT);
    const real = mx.filter((record) => record !== nullRecord);
    if (!parts.replaceMx || real.length === 0) {
      if (nullRecord === undefined) added.push({ owner: domain, type: 'MX', rdata: { kind: 'text', text: '0 .' } });
    } else {
      // The first real MX becomes the null MX in place; the others go.
      const [first, ...rest] = nullRecord === undefined ? real : [nullRecord, ...real];
      if (first !== nullRecord) edits.push({ file: first.file, span: first.rdataSpan, newText: '0 .' });
      doomed.push(...rest);
    }
  }
  if (parts.spf) {
    const spf = records.filter((record) => isSpfText(txtRecordText(record)?.text ?? ''));
    if (spf.length === 0) added.push({ owner: domain, type: 'TXT', rdata: { kind: 'txt', value: NO_MAIL_SPF } });
    else {
      const [first, ...rest] = spf;
      const text = txtRecordText(first)!;
      if (!isNoMailSpf(text.text)) edits.push(...present(rewriteTxt({ record: first, text }, NO_MAIL_SPF)));
      doomed.push(...rest);
    }
  }
  if (parts.dmarc) {
    const owner = `_dmarc.${domain}`;
    const atDmarc = recordsAt(zone, owner);
    const own = atDmarc.map(dmarcTxtOf).find((entry) => entry !== undefined && entry.kind === 'dmarc');
    if (own !== undefined) {
      const parsed = own.parsed;
      const entry = { record: own.record, text: own.text };
      const policy = dmarcTag(parsed, 'p');
      const version = parsed.tags[0];
      if (policy === undefined) edits.push(...present(replaceInTxt(entry, { start: version.range.end, end: version.range.end }, '; p=reject')));
      else if (policyOf(policy.value) !== 'reject') edits.push(...present(replaceInTxt(entry, policy.valueRange, 'reject')));
    } else if (!atDmarc.some((record) => record.type === TYPE_CNAME)) {
      added.push({ owner, type: 'TXT', rdata: { kind: 'txt', value: NO_MAIL_DMARC } });
    }
  }
  edits.push(...deleteRecords(zone, doomed));
  if (added.length > 0) edits.push(...insertRecords({ zone, records: added, near: mailRecordsOf(zone, domain) }));
  return edits;
}

function present<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** "Make this domain no-mail": null MX instead of its MX records, `v=spf1 -all`, and DMARC p=reject. */
export function makeNoMail(options: { zone: Zone; domain: string }): Generated {
  const edits = noMailEdits({ ...options, parts: { nullMx: true, replaceMx: true, spf: true, dmarc: true } });
  if (edits.length === 0) return refused(`${shown(options.domain)} already has the whole no-mail set`);
  return generated({ title: `Make ${shown(options.domain)} a no-mail domain (null MX, v=spf1 -all, DMARC p=reject)`, edits });
}
