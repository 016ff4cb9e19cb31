// Unit tests for the DMARC record model: placement by name, how a text is recognized, and report URIs, with the
// RFC 9989 compliance cases of mailauth's harness (shared/corpora/mailauth) as a table.

import assert from 'node:assert/strict';
import type { DmarcKind, DmarcTag } from '../../../server/src/core/email/dmarc';
import { dmarcPlacement, dmarcTag, hasUsableRua, parseDmarcRecord, parseReportUris, policyOf } from '../../../server/src/core/email/dmarc';

describe('dmarcPlacement', () => {
  const cases: ReadonlyArray<[string, ReturnType<typeof dmarcPlacement>]> = [
    ['_dmarc.example.com.', { kind: 'policy', domain: 'example.com.' }],
    ['_DMARC.Example.COM.', { kind: 'policy', domain: 'Example.COM.' }],
    ['example.com._report._dmarc.reports.example.net.', { kind: 'report-authorization', reportedDomain: 'example.com.', destination: 'reports.example.net.' }],
    ['example.com.', { kind: 'elsewhere' }],
    ['x._dmarc.example.com.', { kind: 'elsewhere' }],
    ['_report._dmarc.example.net.', { kind: 'elsewhere' }],
  ];
  for (const [owner, expected] of cases) it(owner, () => assert.deepEqual(dmarcPlacement(owner), expected));
});

describe('parseDmarcRecord kind', () => {
  const cases: ReadonlyArray<[string, DmarcKind]> = [
    ['v=DMARC1; p=reject', 'dmarc'],
    ['v = DMARC1; p=reject', 'dmarc'],
    ['V=DMARC1; P=Reject', 'dmarc'],
    ['v=DMARC1', 'dmarc'],
    ['v=dmarc1; p=reject', 'broken-dmarc'],
    ['v=DMARC1x; p=reject', 'broken-dmarc'],
    ['v=DMARC1 p=reject', 'broken-dmarc'],
    ['p=reject; v=DMARC1', 'broken-dmarc'],
    ['p=reject', 'broken-dmarc'],
    ['', 'broken-dmarc'],
    ['v=', 'broken-dmarc'],
    ['v=spf1 -all', 'not-dmarc'],
    ['v=DKIM1; p=', 'not-dmarc'],
    ['some other txt record', 'not-dmarc'],
  ];
  for (const [text, kind] of cases) it(`${JSON.stringify(text)} is ${kind}`, () => assert.equal(parseDmarcRecord(text).kind, kind));
});

describe('RFC 9989 policy values and rua (mailauth compliance cases)', () => {
  it('reads policies whatever their case', () => {
    assert.equal(policyOf(dmarcTag(parseDmarcRecord('v=DMARC1; p=Reject'), 'p')!.value), 'reject');
    assert.equal(policyOf('n'), undefined);
  });
  it('treats a record without p but with a usable rua as p=none, and one without either as no policy', () => {
    assert.equal(hasUsableRua(parseDmarcRecord('v=DMARC1; rua=mailto:dmarc@example.com')), true);
    assert.equal(hasUsableRua(parseDmarcRecord('v=DMARC1; adkim=s')), false);
    assert.equal(hasUsableRua(parseDmarcRecord('v=DMARC1; rua=https://example.com/r')), false);
  });
  it('keeps the case of values that are not ABNF literals', () => {
    const rua = dmarcTag(parseDmarcRecord('v=DMARC1; p=none; rua=mailto:DMARC-Reports@Example.COM'), 'rua')!;
    assert.equal(rua.value, 'mailto:DMARC-Reports@Example.COM');
    assert.deepEqual(parseReportUris(rua)[0].address, { localPart: 'DMARC-Reports', domain: 'example.com' });
  });
});

describe('parseReportUris', () => {
  const uris = (value: string) => {
    const tag = dmarcTag(parseDmarcRecord(`v=DMARC1; rua=${value}`), 'rua') as DmarcTag;
    return parseReportUris(tag).map((uri) => ({ text: uri.text, severity: uri.problem?.severity, domain: uri.address?.domain }));
  };
  const cases: ReadonlyArray<[string, ReturnType<typeof uris>]> = [
    ['mailto:a@example.com', [{ text: 'mailto:a@example.com', severity: undefined, domain: 'example.com' }]],
    [
      'mailto:a@example.com , mailto:b@Example.NET.',
      [
        { text: 'mailto:a@example.com', severity: undefined, domain: 'example.com' },
        { text: 'mailto:b@Example.NET.', severity: undefined, domain: 'example.net' },
      ],
    ],
    ['mailto:a@example.com!10m', [{ text: 'mailto:a@example.com!10m', severity: 'warning', domain: 'example.com' }]],
    ['mailto:a@example.com!99999999999999999999999999', [{ text: 'mailto:a@example.com!99999999999999999999999999', severity: 'error', domain: undefined }]],
    ['mailto:%22a%20b%22@example.com', [{ text: 'mailto:%22a%20b%22@example.com', severity: undefined, domain: 'example.com' }]],
    ['mailto:a..b@example.com', [{ text: 'mailto:a..b@example.com', severity: 'error', domain: undefined }]],
    ['mailto:a@-bad-.example', [{ text: 'mailto:a@-bad-.example', severity: 'error', domain: undefined }]],
    ['https://example.com/reports', [{ text: 'https://example.com/reports', severity: 'error', domain: undefined }]],
  ];
  for (const [value, expected] of cases) it(value, () => assert.deepEqual(uris(value), expected));
});
