// Live DNS against a server that never answers (a UDP socket on 127.0.0.1 that drops what it reads): timeouts
// become spf-unresolved and temperror within the configured time, and DNS off, an untrusted workspace or names
// built from macros send it nothing at all.

import assert from 'node:assert/strict';
import { checkSpf } from '../../server/src/core/email/spf/evaluate';
import { analyzedSpfRecords } from '../../server/src/core/email/spf/records';
import { exampleCom, liveWorkspace, lookupFindings, ZONE_PATH } from './fixtures';
import type { LiveWorkspaceOptions } from './fixtures';
import type { BlackHole } from './namedServer';
import { startBlackHole } from './namedServer';

const TIMEOUT_MS = 300;
/** Slack over the timeout for the lint around the query, on a busy two-core machine. */
const SLACK_MS = 250;

interface SilentCase {
  readonly name: string;
  readonly options: (server: string) => LiveWorkspaceOptions;
}

const DNS_OFF_CASES: readonly SilentCase[] = [
  { name: 'the dns setting is off', options: (server) => ({ settings: { dns: 'off', dnsServer: server } }) },
  { name: 'the workspace is untrusted (the front end turns DNS off whatever the settings say)', options: (server) => ({ settings: { dns: 'live', dnsServer: server }, dns: 'off' }) },
];

describe('live DNS against a server that never answers', () => {
  let blackHole: BlackHole;
  beforeEach(async () => {
    blackHole = await startBlackHole();
  });
  afterEach(async () => {
    await blackHole.close();
  });

  it(`gives up after ${TIMEOUT_MS} ms: spf-unresolved in the lint, temperror from check_host(), one query in all`, async () => {
    const workspace = liveWorkspace(exampleCom('@ TXT "v=spf1 include:_spf.vendor.example -all"'), { settings: { dns: 'live', dnsServer: blackHole.address, dnsTimeoutMs: TIMEOUT_MS } });
    const started = Date.now();
    const findings = await lookupFindings(workspace);
    const elapsed = Date.now() - started;
    assert.deepEqual(findings.map(({ rule, severity, at }) => ({ rule, severity, at })), [{ rule: 'spf-unresolved', severity: 'information', at: 'include:_spf.vendor.example' }]);
    assert.match(findings[0].message, /^include:_spf\.vendor\.example could not be resolved \(timed out after 300 ms\)/);
    assert.ok(elapsed >= TIMEOUT_MS && elapsed < TIMEOUT_MS + SLACK_MS, `the lint took ${elapsed} ms`);
    const evaluation = await checkSpf({ ip: '192.0.2.1', mailFrom: 'user@example.com', helo: 'mail.example.com', resolver: workspace.getResolver() });
    assert.equal(evaluation.result, 'temperror');
    assert.match(evaluation.explanation, /_spf\.vendor\.example failed: timed out after 300 ms/);
    // check_host() asked the same question: the failure was remembered, not asked again.
    assert.equal(blackHole.received, 1);
  });

  for (const testCase of DNS_OFF_CASES) {
    it(`sends nothing when ${testCase.name}`, async () => {
      const workspace = liveWorkspace(exampleCom('@ TXT "v=spf1 include:_spf.vendor.example a:mail.vendor.example -all"'), testCase.options(blackHole.address));
      const findings = await lookupFindings(workspace);
      assert.deepEqual(
        findings.map(({ rule, at }) => ({ rule, at })),
        [
          { rule: 'spf-unresolved', at: 'include:_spf.vendor.example' },
          { rule: 'spf-unresolved', at: 'a:mail.vendor.example' },
        ],
      );
      assert.match(findings[0].message, /_spf\.vendor\.example\. is outside the workspace zones and DNS lookups are off/);
      const evaluation = await checkSpf({ ip: '192.0.2.1', mailFrom: 'user@example.com', helo: 'mail.example.com', resolver: workspace.getResolver() });
      assert.equal(evaluation.result, 'temperror');
      assert.equal(blackHole.received, 0);
    });
  }

  it('never looks up names built from macros, yet counts their terms', async () => {
    const record = 'v=spf1 exists:%{i}.bl.vendor.example include:%{d}.x.vendor.example a:%{l}.vendor.example mx:%{o}.vendor.example ptr -all';
    const workspace = liveWorkspace(exampleCom(`@ TXT "${record}"`), { settings: { dns: 'live', dnsServer: blackHole.address, dnsTimeoutMs: TIMEOUT_MS } });
    assert.deepEqual(await lookupFindings(workspace), []);
    const [{ analysis }] = await analyzedSpfRecords(workspace.zone(ZONE_PATH)!, workspace.getView());
    assert.equal(analysis.lookups, 5);
    assert.equal(blackHole.received, 0);
  });
});
