// fix-all and the serial bump after fixes: every safe preferred fix at once, shared fixes once, overlapping ones
// left for the next run, nothing left to do on the second run; the serial moved once per zone the edits change.

import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/edit/textEdit';
import { fixAll, withSerialBumps } from '../../server/src/core/fixes';
import { ZonelintWorkspace } from '../../server/src/core/index';
import { parseSettings } from '../../server/src/core/config';
import { lintText } from '../harness';
import { assertNoNewErrors, MAIN_PATH } from './harness';

const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 2024061001 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
const LONG = 'b'.repeat(260);

describe('fix-all', () => {
  it('applies every safe preferred fix, then what the first run uncovered, and leaves policy choices alone', async () => {
    const before =
      HEAD +
      '@ TXT "v=spf1 mx" "ip4:192.0.2.1 mx ~all"\n' +
      `big TXT "${LONG}"\n` +
      'k1._domainkey TXT v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n';
    const first = await lintText(before);
    const once = applyEdits(before, fixAll(first).edits);
    // Joining the strings first shows that mx is written twice; the second run removes the repeat.
    assert.equal(
      once,
      HEAD +
        '@ TXT "v=spf1 mx " "ip4:192.0.2.1 mx ~all"\n' +
        `big TXT ( "${LONG.slice(0, 255)}"\n          "${LONG.slice(255)}" )\n` +
        'k1._domainkey TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="\n',
    );
    const second = await lintText(once);
    const twice = applyEdits(once, fixAll(second).edits);
    assert.equal(twice.split('\n')[4], '@ TXT "v=spf1 mx " "ip4:192.0.2.1 ~all"');
    const last = await lintText(twice);
    assertNoNewErrors(first, last, 'fix-all');
    assert.deepEqual(fixAll(last).edits, [], 'a third run finds nothing safe left');
    // ~all is a policy choice (spf-softfail-all), so it stays for the user.
    assert.ok(last.some((d) => d.ruleId === 'spf-softfail-all'));
  });

  it('takes nothing when the preferred fix is not safe, even if a safe one exists', async () => {
    const before = HEAD + '@ TXT "v=spf1 -all a mx"\n';
    const diagnostics = await lintText(before);
    assert.equal(diagnostics.filter((d) => d.ruleId === 'spf-after-all').length, 2);
    // Removing the dead terms is safe, but moving `all` is the preferred fix: fix-all leaves the record to the user.
    assert.deepEqual(fixAll(diagnostics).edits, []);
  });

  it('applies a fix shared by several findings once', async () => {
    const before = HEAD + '@ TXT v=spf1 a mx -all\n';
    const diagnostics = await lintText(before);
    assert.ok(diagnostics.filter((d) => d.ruleId === 'spf-string-join').length >= 2);
    const { fixes } = fixAll(diagnostics);
    assert.equal(fixes.length, 1);
    assert.equal(applyEdits(before, fixes[0].edits), HEAD + '@ TXT "v=spf1 a mx -all"\n');
  });

  it('leaves a fix that overlaps one already taken for the next run', async () => {
    const spfTarget = '_spf TXT "v=spf1 -all"\n';
    const before = HEAD + '@ TXT "v=spf1 a " "a redirect=_spf.example.com -all"\n' + spfTarget;
    const diagnostics = await lintText(before);
    const { fixes } = fixAll(diagnostics);
    const taken = diagnostics.filter((d) => d.fixes.some((fix) => fixes.includes(fix))).map((d) => d.ruleId);
    assert.deepEqual(taken, ['spf-duplicate'], 'the redirect removal edits the record the duplicate fix rewrites');
    const once = applyEdits(before, fixes.flatMap((fix) => fix.edits));
    const next = fixAll(await lintText(once));
    assert.equal(applyEdits(once, next.edits), HEAD + '@ TXT "v=spf1 a -all"\n' + spfTarget);
  });
});

describe('serial bump after fixes', () => {
  const now = new Date(Date.UTC(2025, 2, 14, 12));

  it('adds one bump for the zone the edits change', async () => {
    const text = HEAD + '@ TXT "v=spf1 a a -all"\n';
    const workspace = new ZonelintWorkspace({ settings: parseSettings({ dns: 'off' }).settings, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
    workspace.setFile(MAIN_PATH, text, 'example.com.');
    const { diagnostics, zone } = await workspace.lint(MAIN_PATH);
    const { edits } = fixAll(diagnostics);
    const bumped = withSerialBumps({ edits, zones: [zone], now });
    assert.equal(applyEdits(text, bumped), HEAD.replace('2024061001', '2025031400') + '@ TXT "v=spf1 a -all"\n');
    assert.deepEqual(withSerialBumps({ edits: bumped, zones: [zone], now }), bumped, 'an edit of the serial is not bumped again');
  });
});
