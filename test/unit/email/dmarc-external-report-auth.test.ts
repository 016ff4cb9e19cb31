// Table test for dmarc-external-report-auth: report addresses in another domain, checked in the workspace zones,
// then against a scripted DNS, and reported as unverified when neither can tell.

import assert from 'node:assert/strict';
import type { LookupAnswer } from '../../../server/src/core/workspace/view';
import { annotate, describeRuleTable, HEAD, lintWithDns } from './table';

const RULE = 'dmarc-external-report-auth';
const W = `warning: ${RULE}`;
const I = `information: ${RULE}`;
const REPORTS_ZONE = '/work/zones/reports.example.net.zone';
const reportsZone = (records: string): Readonly<Record<string, string>> => ({ [REPORTS_ZONE]: HEAD + records });

describeRuleTable(RULE, {
  options: { files: reportsZone('example.com._report._dmarc TXT "v=DMARC1"\n') },
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com,mailto:d@reports.example.com"\n',
    HEAD + '_dmarc.shop TXT "v=DMARC1; p=none; rua=mailto:d@example.com"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@reports.example.net"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@[192.0.2.1]"\n',
  ],
  invalid: [],
});

describeRuleTable(RULE, {
  options: { files: reportsZone('*._report._dmarc TXT "v=DMARC1"\nother._report._dmarc TXT "v=spf1 -all"\n') },
  valid: [HEAD + '_dmarc TXT "v=DMARC1; p=none; ruf=mailto:d@reports.example.net"\n'],
  invalid: [],
});

describeRuleTable(RULE, {
  options: { files: reportsZone('example.org._report._dmarc TXT "v=DMARC1"\n') },
  valid: [],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@reports.example.net; ruf=mailto:f@reports.example.net"', ['mailto:d@reports.example.net', W], ['mailto:f@reports.example.net', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@elsewhere.example"', ['mailto:d@elsewhere.example', I]),
  ],
});

describe(`${RULE} over DNS`, () => {
  const record = HEAD + '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@dmarc.example.org"\n';
  const name = 'example.com._report._dmarc.dmarc.example.org. 16';
  const cases: ReadonlyArray<{ title: string; answer: LookupAnswer | undefined; expected: string[] }> = [
    { title: 'an authorization record', answer: { kind: 'records', source: 'dns', records: [{ type: 16, txt: ['v=DMARC1;'] }] }, expected: [] },
    { title: 'a record that is not DMARC', answer: { kind: 'records', source: 'dns', records: [{ type: 16, txt: ['hello'] }] }, expected: ['warning'] },
    { title: 'NXDOMAIN', answer: undefined, expected: ['warning'] },
    { title: 'a DNS failure', answer: { kind: 'error', source: 'dns', reason: 'SERVFAIL' }, expected: ['information'] },
  ];
  for (const { title, answer, expected } of cases) {
    it(title, async () => {
      const diagnostics = await lintWithDns(record, answer === undefined ? {} : { [name]: answer });
      assert.deepEqual(
        diagnostics.filter((d) => d.ruleId === RULE).map((d) => d.severity),
        expected,
      );
    });
  }
});
