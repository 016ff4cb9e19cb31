// Table test for mail-dmarc-missing: domains that handle mail with no DMARC policy of their own or inherited
// through the RFC 9989 tree walk, inside the workspace, and the walk's DNS lookups held to the query budget.

import assert from 'node:assert/strict';
import { parseSettings, ZonelintWorkspace } from '../../../server/src/core/index';
import type { LookupAnswer, Resolver } from '../../../server/src/core/workspace/view';
import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: mail-dmarc-missing';

describeRuleTable('mail-dmarc-missing', {
  valid: [
    HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=reject"\nmail A 192.0.2.25\n',
    HEAD + '@ TXT "v=spf1 -all"\n',
    HEAD + '@ MX 0 .\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\nnews MX 10 mail\nnews TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n',
    HEAD + '@ TXT "v=spf1 mx -all"\n_dmarc CNAME example-com._dmarc.provider.example.\n',
    HEAD + '@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=dmarc1; p=reject"\n',
  ],
  invalid: [
    HEAD + annotate('@ MX 10 mail', ['10 mail', W]) + '@ TXT "v=spf1 include:spf.example.com -all"\nspf TXT "v=spf1 ip4:192.0.2.0/24 -all"\nmail A 192.0.2.25\n',
    HEAD + annotate('@ TXT "v=spf1 ip4:192.0.2.1 -all"', ['"v=spf1 ip4:192.0.2.1 -all"', W]),
    HEAD + annotate('news MX 10 mail.example.net.', ['10 mail.example.net.', W]) + 'news TXT "v=spf1 mx -all"\n',
  ],
});

describeRuleTable('mail-dmarc-missing', {
  options: {
    path: '/work/zones/sub.example.com.zone',
    origin: 'sub.example.com.',
    files: { '/work/zones/example.com.zone': HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n' },
  },
  valid: [HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n'],
  invalid: [],
});

describeRuleTable('mail-dmarc-missing', {
  options: { path: '/work/zones/sub.example.com.zone', origin: 'sub.example.com.', files: { '/work/zones/example.com.zone': HEAD } },
  valid: [],
  invalid: [HEAD + annotate('@ TXT "v=spf1 mx -all"', ['"v=spf1 mx -all"', W])],
});

describe('mail-dmarc-missing tree walk over DNS', () => {
  // The walk of shop.example.com. reaches two names outside the workspace, example.com. and com.; com. has a policy.
  const zone = HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n';
  const policy: LookupAnswer = { kind: 'records', source: 'dns', records: [{ type: 16, txt: ['v=DMARC1; p=reject'] }] };

  async function walk(dnsQueryBudget: number): Promise<{ findings: number; dmarcLookups: string[] }> {
    const dmarcLookups: string[] = [];
    const dns: Resolver = {
      lookup: async (name) => {
        if (name.startsWith('_dmarc.')) dmarcLookups.push(name);
        return name === '_dmarc.com.' ? policy : { kind: 'nxdomain', source: 'dns' };
      },
    };
    const path = '/work/zones/shop.example.com.zone';
    const workspace = new ZonelintWorkspace({
      settings: parseSettings({ dns: 'live', dnsQueryBudget }).settings,
      dns,
      host: { readFile: (file) => (file === path ? zone : undefined), mayRead: () => true },
    });
    workspace.setFile(path, zone, 'shop.example.com.');
    const { diagnostics } = await workspace.lint(path);
    return { findings: diagnostics.filter((d) => d.ruleId === 'mail-dmarc-missing').length, dmarcLookups };
  }

  const cases: ReadonlyArray<{ budget: number; findings: number; dmarcLookups: string[] }> = [
    { budget: 50, findings: 0, dmarcLookups: ['_dmarc.example.com.', '_dmarc.com.'] },
    // The lookup past the budget is not sent; the walk then finds no policy, as for any unanswered lookup.
    { budget: 1, findings: 1, dmarcLookups: ['_dmarc.example.com.'] },
  ];
  for (const { budget, findings, dmarcLookups } of cases) {
    it(`sends at most dnsQueryBudget (${budget}) lookups for one domain`, async () => {
      assert.deepEqual(await walk(budget), { findings, dmarcLookups });
    });
  }
});
