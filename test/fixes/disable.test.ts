// Table test for the "Disable <id> for this line" fix every finding carries: the comment goes above the entry,
// indented like it, joins a directive already there, keeps CRLF files CRLF, and silences the finding.

import assert from 'node:assert/strict';
import { checkFix, fixesOf } from './harness';

const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

describe('fix: Disable <id> for this line', () => {
  const cases = [
    {
      name: 'a record with an owner',
      before: HEAD + 'www A 192.0.2.300\n',
      ruleId: 'zone-bad-rdata',
      after: HEAD + '; zonelint-disable-next-line zone-bad-rdata\nwww A 192.0.2.300\n',
    },
    {
      name: 'a blank-owner record keeps its indentation',
      before: HEAD + 'www A 192.0.2.1\n    A 192.0.2.300\n',
      ruleId: 'zone-bad-rdata',
      after: HEAD + 'www A 192.0.2.1\n    ; zonelint-disable-next-line zone-bad-rdata\n    A 192.0.2.300\n',
    },
    {
      name: 'a finding on the second line of a multi-line record goes above its first line',
      before: HEAD + 'www TXT ( "v=spf1 "\n  "+all" )\n',
      ruleId: 'spf-permissive-all',
      after: HEAD + '; zonelint-disable-next-line spf-permissive-all\nwww TXT ( "v=spf1 "\n  "+all" )\n',
    },
    {
      name: 'an id joins a disable-next-line comment already above',
      before: HEAD + '; zonelint-disable-next-line zone-ttl-mismatch\nwww A 192.0.2.300\n',
      ruleId: 'zone-bad-rdata',
      after: HEAD + '; zonelint-disable-next-line zone-ttl-mismatch, zone-bad-rdata\nwww A 192.0.2.300\n',
    },
    {
      name: 'CRLF line endings',
      before: (HEAD + 'www A 192.0.2.300\n').replace(/\n/g, '\r\n'),
      ruleId: 'zone-bad-rdata',
      after: (HEAD + '; zonelint-disable-next-line zone-bad-rdata\nwww A 192.0.2.300\n').replace(/\n/g, '\r\n'),
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => checkFix({ ...testCase, title: `Disable ${testCase.ruleId} for this line` }));
  }

  it('is never the preferred fix', async () => {
    const fixes = await fixesOf({ before: HEAD + 'www A 192.0.2.300\n', ruleId: 'zone-bad-rdata' });
    assert.deepEqual(
      fixes.filter((fix) => fix.suppression === true).map((fix) => fix.isPreferred ?? false),
      [false],
    );
  });

  it('is not offered for an unused suppression, which no comment can silence', async () => {
    const fixes = await fixesOf({ before: HEAD + '; zonelint-disable-next-line zone-bad-rdata\nwww A 192.0.2.1\n', ruleId: 'zone-unused-suppression' });
    assert.deepEqual(fixes, []);
  });
});
