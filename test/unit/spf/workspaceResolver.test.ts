// The workspace resolver as the SPF lookup counts use it: answers known at once (`answerNow`) are the answers a
// lookup gives, the per-record view holds DNS to the query budget, and a pinned resolver keeps one state's zones.

import { strict as assert } from 'node:assert';
import { parseSettings, ZonelintWorkspace } from '../../../server/src/core/index';
import { WorkspaceResolver } from '../../../server/src/core/workspace/resolver';
import type { LookupAnswer } from '../../../server/src/core/workspace/view';
import type { FakeDns } from './helpers/workspace';
import { fakeDnsResolver, HEAD, ZONE_PATH } from './helpers/workspace';

const ZONE = HEAD + '@ MX 10 mail\nmail A 192.0.2.25\nwww CNAME mail\nalias CNAME elsewhere.example.net.\n_spf TXT "v=spf1 -all"\n';
const DNS: FakeDns = { 'spf.provider.example': { txt: ['v=spf1 -all'] }, 'a.provider.example': { a: ['192.0.2.1'] }, 'b.provider.example': { a: ['192.0.2.2'] } };

function workspaceWith(options: { dns: boolean; budget?: number }): ZonelintWorkspace {
  const workspace = new ZonelintWorkspace({
    settings: parseSettings({ dns: 'off', dnsQueryBudget: options.budget ?? 50 }).settings,
    dns: options.dns ? fakeDnsResolver(DNS) : 'off',
    host: { readFile: () => undefined, mayRead: () => false },
  });
  workspace.setFile(ZONE_PATH, ZONE, 'example.com.');
  return workspace;
}

function resolverOf(workspace: ZonelintWorkspace): WorkspaceResolver {
  const resolver = workspace.getResolver();
  assert.ok(resolver instanceof WorkspaceResolver);
  return resolver;
}

const TYPE_A = 1;
const TYPE_MX = 15;
const TYPE_TXT = 16;

describe('the workspace resolver', () => {
  describe('answers at once exactly what a lookup answers, or leaves it to DNS', () => {
    // [name, type, DNS behind the workspace, the kind answered at once (undefined: only DNS can answer)]
    const cases: ReadonlyArray<readonly [string, number, boolean, LookupAnswer['kind'] | undefined]> = [
      ['example.com.', TYPE_MX, false, 'records'],
      ['mail.example.com.', TYPE_A, true, 'records'],
      ['MAIL.Example.COM.', TYPE_A, false, 'records'],
      ['www.example.com.', TYPE_A, false, 'records'],
      ['alias.example.com.', TYPE_A, true, 'nodata'],
      ['_spf.example.com.', TYPE_A, false, 'nodata'],
      ['nowhere.example.com.', TYPE_TXT, true, 'nxdomain'],
      ['spf.provider.example.', TYPE_TXT, false, 'unresolved'],
      ['spf.provider.example.', TYPE_TXT, true, undefined],
    ];
    for (const [name, type, dns, expected] of cases) {
      it(`${name} type ${type}, DNS ${dns ? 'on' : 'off'}: ${expected ?? 'DNS'}`, async () => {
        const resolver = resolverOf(workspaceWith({ dns }));
        const now = resolver.answerNow(name, type);
        assert.equal(now?.kind, expected);
        const later = await resolver.lookup(name, type);
        if (now !== undefined) assert.deepEqual(later, now);
        else assert.equal(later.kind, 'records');
      });
    }
  });

  it('holds one record to its query budget: zone answers are free, DNS answers count, and past the budget both ways say unresolved', async () => {
    const view = resolverOf(workspaceWith({ dns: true, budget: 2 })).withQueryBudget();
    assert.equal(view.answerNow?.('a.provider.example.', TYPE_A), undefined);
    assert.equal((await view.lookup('a.provider.example.', TYPE_A)).kind, 'records');
    assert.equal((await view.lookup('mail.example.com.', TYPE_A)).kind, 'records');
    assert.equal((await view.lookup('b.provider.example.', TYPE_A)).kind, 'records');
    assert.equal(view.answerNow?.('mail.example.com.', TYPE_A)?.kind, 'records');
    const spent = view.answerNow?.('spf.provider.example.', TYPE_TXT);
    assert.equal(spent?.kind, 'unresolved');
    assert.deepEqual(await view.lookup('spf.provider.example.', TYPE_TXT), spent);
    // Each record has a budget of its own.
    assert.equal(resolverOf(workspaceWith({ dns: true, budget: 2 })).withQueryBudget().answerNow?.('spf.provider.example.', TYPE_TXT), undefined);
  });

  it('keeps the zones of the moment it was pinned while the workspace moves on', () => {
    const workspace = workspaceWith({ dns: false });
    const live = resolverOf(workspace);
    const pinned = live.pinned();
    assert.equal(live.pinned(), pinned);
    workspace.setFile(ZONE_PATH, ZONE + 'new A 192.0.2.7\n', 'example.com.');
    assert.equal(live.answerNow('new.example.com.', TYPE_A)?.kind, 'records');
    assert.equal(pinned.answerNow('new.example.com.', TYPE_A)?.kind, 'nxdomain');
    assert.notEqual(live.pinned(), pinned);
  });
});
