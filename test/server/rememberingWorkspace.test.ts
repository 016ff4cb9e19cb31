// The session's workspace remembers each zone's last lint, so the code actions an editor asks for on every cursor
// move reuse the check the Problems view shows; any change to a file or the settings makes the next lint a new one.

import assert from 'node:assert/strict';
import { parseSettings } from '../../server/src/core';
import { RememberingWorkspace } from '../../server/src/session';

const ZONE_PATH = '/work/zones/example.com.zone';
const OTHER_PATH = '/work/zones/example.net.zone';
const ZONE = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n_dmarc TXT "v=DMARC1; p=none"\n';
const OTHER = '$ORIGIN example.net.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 198.51.100.1\n';

function workspace(): RememberingWorkspace {
  const created = new RememberingWorkspace({ settings: parseSettings({ dns: 'off' }).settings, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
  created.setFile(ZONE_PATH, ZONE);
  created.setFile(OTHER_PATH, OTHER);
  return created;
}

describe('the session workspace remembers lints', () => {
  it('answers a second lint of an unchanged workspace with the first one', async () => {
    const remembering = workspace();
    const first = remembering.lint(ZONE_PATH);
    assert.equal(remembering.lint(ZONE_PATH), first);
    assert.ok((await first).diagnostics.some((d) => d.ruleId === 'dmarc-policy-none'));
  });

  const changes: { name: string; change: (remembering: RememberingWorkspace) => void; policyNone: boolean }[] = [
    { name: 'an edit of the zone', change: (remembering) => remembering.setFile(ZONE_PATH, ZONE.replace('p=none', 'p=reject')), policyNone: false },
    { name: 'an edit of another zone, which the zone may read', change: (remembering) => remembering.setFile(OTHER_PATH, `${OTHER}www A 198.51.100.2\n`), policyNone: true },
    { name: 'another zone deleted', change: (remembering) => remembering.deleteFile(OTHER_PATH), policyNone: true },
    { name: 'new settings', change: (remembering) => remembering.setSettings(parseSettings({ dns: 'off', rules: { 'dmarc-policy-none': 'off' } }).settings), policyNone: false },
  ];
  for (const { name, change, policyNone } of changes) {
    it(`lints again after ${name}`, async () => {
      const remembering = workspace();
      const before = remembering.lint(ZONE_PATH);
      await before;
      change(remembering);
      const after = remembering.lint(ZONE_PATH);
      assert.notEqual(after, before);
      assert.equal((await after).diagnostics.some((d) => d.ruleId === 'dmarc-policy-none'), policyNone);
    });
  }

  it('does not remember a lint that failed', async () => {
    const remembering = workspace();
    const failed = remembering.lint('/work/zones/missing.zone');
    await assert.rejects(failed, /not a workspace file/);
    const retried = remembering.lint('/work/zones/missing.zone');
    assert.notEqual(retried, failed);
    await assert.rejects(retried, /not a workspace file/);
  });
});
