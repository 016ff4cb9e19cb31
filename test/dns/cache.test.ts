// What live-DNS linting sends to a real named on 127.0.0.1: answers kept for their TTL (or the floor when node:dns
// reports none), one query for a question several records ask, and the per-record query budget.

import assert from 'node:assert/strict';
import { DnsResolver } from '../../server/src/core/workspace/dns';
import { exampleCom, liveWorkspace, lookupFindings, NAMED_ZONES } from './fixtures';
import type { NamedServer } from './namedServer';
import { startNamed } from './namedServer';

const SECOND = 1000;

interface CacheStep {
  /** Test-clock time of the lint, in seconds since the first. */
  readonly at: number;
  /** Queries this lint sends. */
  readonly sends: number;
  readonly why: string;
}

// a:mail.vendor.example asks for A (TTL 300 s, reported by node:dns) and AAAA (NODATA: no TTL, kept 60 s).
const CACHE_STEPS: readonly CacheStep[] = [
  { at: 0, sends: 2, why: 'the cache is empty' },
  { at: 30, sends: 0, why: 'both answers are fresh' },
  { at: 61, sends: 1, why: 'the NODATA answer for AAAA expired after the 60 s floor' },
  { at: 120, sends: 0, why: 'the new AAAA answer is fresh, the A record has 180 s to go' },
  { at: 301, sends: 2, why: 'the A record expired after its TTL of 300 s, AAAA after 60 s again' },
];

interface BudgetCase {
  readonly name: string;
  readonly records: readonly string[];
  readonly budget?: number;
  readonly sends: number;
  readonly unresolved: readonly RegExp[];
}

const BUDGET_CASES: readonly BudgetCase[] = [
  {
    name: 'a budget of 5 covers the five questions of the chain',
    records: ['@ TXT "v=spf1 include:_spf.vendor.example -all"'],
    budget: 5,
    sends: 5,
    unresolved: [],
  },
  {
    name: 'a budget of 4 leaves the fifth name of the chain unresolved',
    records: ['@ TXT "v=spf1 include:_spf.vendor.example -all"'],
    budget: 4,
    sends: 4,
    unresolved: [/^include:_spf\.vendor\.example → include:_spf2\.vendor\.example → mx:vendor\.example could not be resolved \(vendor\.example\. was not looked up: the checks of this record spent their dnsQueryBudget of 4 DNS lookups\)/],
  },
  {
    name: 'the default budget of 50 stops a record that names 30 hosts (61 questions)',
    records: ['@ TXT "v=spf1 include:wide.vendor.example -all"'],
    sends: 50,
    unresolved: [/^include:wide\.vendor\.example → a:h25\.vendor\.example could not be resolved \(h25\.vendor\.example\. was not looked up: .* dnsQueryBudget of 50 /],
  },
  {
    name: 'each record has its own budget, and answers from the cache count against it',
    records: ['@ TXT "v=spf1 include:_spf.vendor.example -all"', 'www TXT "v=spf1 include:_spf.vendor.example -all"'],
    budget: 4,
    sends: 4,
    unresolved: [/→ mx:vendor\.example could not be resolved .* dnsQueryBudget of 4 /, /→ mx:vendor\.example could not be resolved .* dnsQueryBudget of 4 /],
  },
];

describe('live DNS queries sent to named', () => {
  let named: NamedServer;
  before(async () => {
    named = await startNamed(NAMED_ZONES);
  });
  after(async () => {
    await named?.stop();
  });

  describe('the cache keeps answers for their TTL: a lint after an edit sends only for expired ones', () => {
    let clock = 0;
    let dns: DnsResolver;
    let edits = 0;
    let sentBefore = 0;
    before(() => {
      dns = new DnsResolver({ server: named.address, timeoutMs: 500, now: () => clock });
    });
    const workspace = (): ReturnType<typeof liveWorkspace> => liveWorkspace(exampleCom(`@ TXT "v=spf1 a:mail.vendor.example -all" ; edit ${edits++}`), { settings: { dns: 'live' }, dns });
    for (const step of CACHE_STEPS) {
      it(`at ${step.at} s: ${step.sends} queries, as ${step.why}`, async () => {
        clock = step.at * SECOND;
        assert.deepEqual(await lookupFindings(workspace()), []);
        assert.equal(dns.queriesSent - sentBefore, step.sends);
        sentBefore = dns.queriesSent;
      });
    }
  });

  it('sends one query for a question that several records ask at once', async () => {
    const dns = new DnsResolver({ server: named.address, timeoutMs: 500 });
    const records = ['@ TXT "v=spf1 include:_spf.vendor.example -all"', 'www TXT "v=spf1 include:_spf.vendor.example -all"', 'mx TXT "v=spf1 include:_spf.vendor.example -all"'];
    assert.deepEqual(await lookupFindings(liveWorkspace(exampleCom(...records), { settings: { dns: 'live' }, dns })), []);
    // TXT of _spf and _spf2, A and AAAA of mail, MX of vendor.example; _back.example.net is a workspace name.
    assert.equal(dns.queriesSent, 5);
  });

  describe('the query budget of one record', () => {
    for (const testCase of BUDGET_CASES) {
      it(testCase.name, async () => {
        const dns = new DnsResolver({ server: named.address, timeoutMs: 500 });
        const settings = { dns: 'live', ...(testCase.budget === undefined ? {} : { dnsQueryBudget: testCase.budget }) };
        const workspace = liveWorkspace(exampleCom(...testCase.records), { settings, dns });
        const unresolved = (await lookupFindings(workspace)).filter((finding) => finding.rule === 'spf-unresolved');
        assert.equal(dns.queriesSent, testCase.sends);
        assert.equal(unresolved.length, testCase.unresolved.length, JSON.stringify(unresolved));
        testCase.unresolved.forEach((pattern, index) => assert.match(unresolved[index].message, pattern));
      });
    }
  });
});
