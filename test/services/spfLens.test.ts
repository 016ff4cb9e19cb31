// The `N/10 DNS lookups` hints: one after each SPF record of a file, `≥` for lower bounds, none for records with
// syntax errors, records of an `$INCLUDE`d file under that file, and only the hints inside the asked span.

import assert from 'node:assert/strict';
import { spfLookupHints } from '../../server/src/core/services/spfLens';
import type { Span } from '../../server/src/core/types';
import { HEAD, testWorkspace, ZONE_PATH } from '../unit/spf/helpers/workspace';

const INCLUDED_PATH = '/work/zones/mail.inc';
const OVER_LIMIT = 'v=spf1 a:v1.example.com a:v2.example.com a:v3.example.com mx mx mx mx mx mx mx mx -all';

interface HintCase {
  readonly name: string;
  /** Zone lines after HEAD. */
  readonly zone: string;
  readonly files?: Readonly<Record<string, string>>;
  readonly filePath?: string;
  /** Limits the hints to the text between the first occurrences of these two needles. */
  readonly within?: readonly [string, string];
  /** Each hint as `label @ its line up to the hint`, then its tooltip's verdict. */
  readonly expected: readonly string[];
}

const cases: readonly HintCase[] = [
  {
    name: 'one hint after each record, in file order',
    zone: '@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\nmail TXT "v=spf1 a ip4:192.0.2.0/24 " "include:_spf.example.com -all" ; split\n_spf TXT "v=spf1 -all"\n',
    expected: [
      '1/10 DNS lookups @ @ TXT "v=spf1 mx -all" : within the limits',
      '2/10 DNS lookups @ mail TXT "v=spf1 a ip4:192.0.2.0/24 " "include:_spf.example.com -all" : within the limits',
      '0/10 DNS lookups @ _spf TXT "v=spf1 -all" : within the limits',
    ],
  },
  {
    name: 'a lower bound when a target is unresolved',
    zone: '@ TXT "v=spf1 include:_spf.elsewhere.example -all"\n',
    expected: ['≥1/10 DNS lookups @ @ TXT "v=spf1 include:_spf.elsewhere.example -all" : some targets were not resolved, so the counts are lower bounds'],
  },
  {
    name: 'a record over the limit',
    zone: `@ TXT "${OVER_LIMIT}"\n`,
    expected: [`11/10 DNS lookups @ @ TXT "${OVER_LIMIT}" : over a limit, so receivers return permerror`],
  },
  { name: 'no hint for a record with a syntax error', zone: '@ TXT "v=spf1 include -all"\n@ TXT "v=spf1 ~all"\n', expected: ['0/10 DNS lookups @ @ TXT "v=spf1 ~all" : within the limits'] },
  { name: 'no hint for TXT records that are not SPF', zone: '@ TXT "v=spf10 -all"\n_dmarc TXT "v=DMARC1; p=none"\n', expected: [] },
  {
    name: 'the zone file leaves out the records of its $INCLUDEd file',
    zone: `$INCLUDE ${INCLUDED_PATH}\n@ TXT "v=spf1 -all"\n`,
    files: { [INCLUDED_PATH]: 'mail TXT "v=spf1 a -all"\n' },
    expected: ['0/10 DNS lookups @ @ TXT "v=spf1 -all" : within the limits'],
  },
  {
    name: 'the $INCLUDEd file has its own records',
    zone: `$INCLUDE ${INCLUDED_PATH}\n@ TXT "v=spf1 -all"\n`,
    files: { [INCLUDED_PATH]: 'mail TXT "v=spf1 a -all"\n' },
    filePath: INCLUDED_PATH,
    expected: ['1/10 DNS lookups @ mail TXT "v=spf1 a -all" : within the limits'],
  },
  {
    name: 'only the hints inside the asked span',
    zone: 'a TXT "v=spf1 -all"\nb TXT "v=spf1 a -all"\nc TXT "v=spf1 mx -all"\n',
    within: ['b TXT', 'c TXT'],
    expected: ['1/10 DNS lookups @ b TXT "v=spf1 a -all" : within the limits'],
  },
];

describe('SPF lookup hints', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const text = HEAD + testCase.zone;
      const { workspace, zone } = testWorkspace(text, { files: testCase.files });
      const filePath = testCase.filePath ?? ZONE_PATH;
      const fileText = filePath === ZONE_PATH ? text : testCase.files![filePath];
      const within: Span | undefined = testCase.within === undefined ? undefined : { start: fileText.indexOf(testCase.within[0]), end: fileText.indexOf(testCase.within[1]) };
      const hints = await spfLookupHints({ zone, filePath, workspace: workspace.getView(), within });
      assert.deepEqual(
        hints.map((hint) => `${hint.label} @ ${fileText.slice(fileText.lastIndexOf('\n', hint.offset - 1) + 1, hint.offset)} : ${/\): (.*)\. Hover/.exec(hint.tooltip)?.[1]}`),
        testCase.expected,
      );
    });
  }

  it('says both totals in the tooltip', async () => {
    const text = `${HEAD}@ TXT "v=spf1 a:none1.example.com a:none2.example.com -all"\n`;
    const { workspace, zone } = testWorkspace(text);
    const [hint] = await spfLookupHints({ zone, filePath: ZONE_PATH, workspace: workspace.getView() });
    assert.equal(
      hint.tooltip,
      'SPF lookups 2/10, void 2/2, worst case through every include and redirect (RFC 7208 §4.6.4): within the limits. Hover the record for the lookup tree.',
    );
  });
});
