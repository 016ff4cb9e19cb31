// SPF checks in live-DNS mode against a real named on 127.0.0.1: include chains that leave the workspace and come
// back, void lookups, NXDOMAIN and failing targets, as the lint rules and check_host() see them.

import assert from 'node:assert/strict';
import { checkSpf } from '../../server/src/core/email/spf/evaluate';
import type { SpfResult } from '../../server/src/core/email/spf/evaluate';
import type { AnsweredBy } from '../../server/src/core/email/spf/lookups';
import { walkTerms } from '../../server/src/core/email/spf/lookups';
import { analyzedSpfRecords } from '../../server/src/core/email/spf/records';
import type { ZonelintWorkspace } from '../../server/src/core/index';
import { exampleCom, liveWorkspace, lookupFindings, NAMED_ZONES, ZONE_PATH } from './fixtures';
import type { NamedServer } from './namedServer';
import { startNamed } from './namedServer';

interface ExpectedFinding {
  readonly rule: string;
  readonly severity: string;
  readonly at: string;
  readonly message: RegExp;
}

interface LintCase {
  readonly name: string;
  readonly record: string;
  readonly lookups: number;
  readonly voids: number;
  readonly complete: boolean;
  readonly findings: readonly ExpectedFinding[];
}

const LINT_CASES: readonly LintCase[] = [
  { name: 'an include chain through vendor.example and back into the workspace', record: 'v=spf1 include:_spf.example.net -all', lookups: 8, voids: 0, complete: true, findings: [] },
  { name: 'ten lookups: at the limit', record: 'v=spf1 include:_spf.example.net include:more.vendor.example -all', lookups: 10, voids: 0, complete: true, findings: [] },
  {
    name: 'eleven lookups: over the limit',
    record: 'v=spf1 include:_spf.example.net include:more.vendor.example mx:vendor.example -all',
    lookups: 11,
    voids: 0,
    complete: true,
    findings: [{ rule: 'spf-lookup-limit', severity: 'error', at: 'mx:vendor.example', message: /^SPF record needs 11 DNS lookups; the limit is 10/ }],
  },
  { name: 'two void lookups (NXDOMAIN, NODATA): at the limit', record: 'v=spf1 include:voids2.vendor.example -all', lookups: 3, voids: 2, complete: true, findings: [] },
  {
    name: 'three void lookups: over the limit',
    record: 'v=spf1 include:voids3.vendor.example -all',
    lookups: 4,
    voids: 3,
    complete: true,
    findings: [{ rule: 'spf-void-lookup-limit', severity: 'error', at: 'include:voids3.vendor.example', message: /^3 lookups of this SPF record find no records/ }],
  },
  {
    name: 'an include of a name that does not exist',
    record: 'v=spf1 include:nowhere.vendor.example -all',
    lookups: 1,
    voids: 0,
    complete: true,
    findings: [{ rule: 'spf-include-target', severity: 'error', at: 'include:nowhere.vendor.example', message: /nowhere\.vendor\.example does not exist/ }],
  },
  {
    name: 'SERVFAIL for an include target',
    record: 'v=spf1 include:spf.broken.example -all',
    lookups: 1,
    voids: 0,
    complete: false,
    findings: [{ rule: 'spf-unresolved', severity: 'information', at: 'include:spf.broken.example', message: /^include:spf\.broken\.example could not be resolved \(SERVFAIL\)/ }],
  },
  {
    name: 'SERVFAIL deeper in the include chain',
    record: 'v=spf1 include:servfail.vendor.example -all',
    lookups: 2,
    voids: 0,
    complete: false,
    findings: [
      { rule: 'spf-unresolved', severity: 'information', at: 'include:servfail.vendor.example', message: /^include:servfail\.vendor\.example → include:spf\.broken\.example could not be resolved \(SERVFAIL\)/ },
    ],
  },
  {
    name: 'SERVFAIL for an a: host',
    record: 'v=spf1 a:mail.broken.example -all',
    lookups: 1,
    voids: 0,
    complete: false,
    findings: [{ rule: 'spf-unresolved', severity: 'information', at: 'a:mail.broken.example', message: /could not be resolved \(SERVFAIL\)/ }],
  },
  {
    name: 'REFUSED for a name outside the zones of the server',
    record: 'v=spf1 include:spf.elsewhere.example -all',
    lookups: 1,
    voids: 0,
    complete: false,
    findings: [{ rule: 'spf-unresolved', severity: 'information', at: 'include:spf.elsewhere.example', message: /could not be resolved \(REFUSED\)/ }],
  },
];

interface CheckCase {
  readonly name: string;
  readonly record: string;
  readonly ip: string;
  readonly result: SpfResult;
  readonly explanation: RegExp;
}

const CHECK_CASES: readonly CheckCase[] = [
  { name: 'pass through the chain into DNS', record: 'v=spf1 include:_spf.example.net -all', ip: '198.51.100.25', result: 'pass', explanation: /^$/ },
  { name: 'fail for an address no record names', record: 'v=spf1 include:_spf.example.net -all', ip: '192.0.2.1', result: 'fail', explanation: /does not designate 192\.0\.2\.1/ },
  { name: 'temperror when an include target gives SERVFAIL', record: 'v=spf1 include:servfail.vendor.example -all', ip: '192.0.2.1', result: 'temperror', explanation: /spf\.broken\.example failed: SERVFAIL/ },
];

describe('SPF with live DNS from named', () => {
  let named: NamedServer;
  before(async () => {
    named = await startNamed(NAMED_ZONES);
  });
  after(async () => {
    await named?.stop();
  });

  function workspaceWith(record: string): ZonelintWorkspace {
    return liveWorkspace(exampleCom(`@ TXT "${record}"`), { settings: { dns: 'live', dnsServer: named.address, dnsTimeoutMs: 500 } });
  }

  describe('lint', () => {
    for (const testCase of LINT_CASES) {
      it(`${testCase.name}: ${testCase.record}`, async () => {
        const workspace = workspaceWith(testCase.record);
        const findings = await lookupFindings(workspace);
        const [{ analysis }] = await analyzedSpfRecords(workspace.zone(ZONE_PATH)!, workspace.getView());
        assert.deepEqual({ lookups: analysis.lookups, voids: analysis.voidLookups, complete: analysis.complete }, { lookups: testCase.lookups, voids: testCase.voids, complete: testCase.complete });
        assert.deepEqual(
          findings.map(({ rule, severity, at }) => ({ rule, severity, at })),
          testCase.findings.map(({ rule, severity, at }) => ({ rule, severity, at })),
          named.log(),
        );
        testCase.findings.forEach((expected, index) => assert.match(findings[index].message, expected.message));
      });
    }

    it('answers names inside the workspace from its zones and the rest from DNS', async () => {
      const workspace = workspaceWith('v=spf1 include:_spf.example.net -all');
      await lookupFindings(workspace);
      const [{ analysis }] = await analyzedSpfRecords(workspace.zone(ZONE_PATH)!, workspace.getView());
      const includes = [...walkTerms(analysis.root)].filter((visit) => visit.cost.term.kind === 'include');
      const answered: Array<[string, AnsweredBy]> = includes.map((visit) => [visit.cost.term.text, visit.cost.answeredBy]);
      assert.deepEqual(answered, [
        ['include:_spf.example.net', 'zone'],
        ['include:_spf.vendor.example', 'dns'],
        ['include:_spf2.vendor.example', 'dns'],
        ['include:_back.example.net', 'zone'],
      ]);
    });
  });

  describe('check_host() over the workspace resolver', () => {
    for (const testCase of CHECK_CASES) {
      it(`${testCase.name}: ${testCase.record} from ${testCase.ip}`, async () => {
        const workspace = workspaceWith(testCase.record);
        const evaluation = await checkSpf({ ip: testCase.ip, mailFrom: 'user@example.com', helo: 'mail.example.com', resolver: workspace.getResolver() });
        assert.equal(evaluation.result, testCase.result, evaluation.explanation);
        assert.match(evaluation.explanation, testCase.explanation);
      });
    }
  });
});
