// check_host() beyond the RFC suite: the macro examples of RFC 7208 §7.4, the explanation-only macros, the
// counts and trace the `zonelint spf` command prints, and answers nobody could give (`unresolved`).

import { strict as assert } from 'node:assert';
import { checkSpf } from '../../../server/src/core/email/spf/evaluate';
import type { LookupAnswer, Resolver } from '../../../server/src/core/workspace/view';
import { SuiteResolver } from './helpers/suiteResolver';

/** Evaluates a sender whose domain publishes `v=spf1 -all exp=...` with the explanation text `macro`. */
async function explanationOf(macro: string, options: { ip: string; mailFrom: string; helo?: string; receivingHost?: string; now?: number }): Promise<string> {
  const helo = options.helo ?? 'mx.example.org';
  const domain = options.mailFrom === '' ? helo : options.mailFrom.slice(options.mailFrom.indexOf('@') + 1);
  const resolver = new SuiteResolver({
    [domain]: [{ TXT: 'v=spf1 -all exp=why.example.net' }],
    'why.example.net': [{ TXT: macro }],
  });
  const evaluation = await checkSpf({ ip: options.ip, mailFrom: options.mailFrom, helo, resolver, receivingHost: options.receivingHost, now: options.now });
  assert.equal(evaluation.result, 'fail');
  return evaluation.explanation;
}

describe('check_host()', () => {
  describe('macro expansion: the examples of RFC 7208 §7.4', () => {
    const sender = { ip: '192.0.2.3', mailFrom: 'strong-bad@email.example.com' };
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['%{s}', 'strong-bad@email.example.com'],
      ['%{o}', 'email.example.com'],
      ['%{d}', 'email.example.com'],
      ['%{d4}', 'email.example.com'],
      ['%{d3}', 'email.example.com'],
      ['%{d2}', 'example.com'],
      ['%{d1}', 'com'],
      ['%{dr}', 'com.example.email'],
      ['%{d2r}', 'example.email'],
      ['%{l}', 'strong-bad'],
      ['%{l-}', 'strong.bad'],
      ['%{lr}', 'strong-bad'],
      ['%{lr-}', 'bad.strong'],
      ['%{l1r-}', 'strong'],
      ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
      ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
      ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
      ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
      ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
      ['%% %_ %-', '%   %20'],
      ['%{L}', 'strong-bad'],
      ['%{S}', 'strong-bad%40email.example.com'],
    ];
    for (const [macro, expected] of cases) {
      it(`${macro} → ${expected}`, async () => assert.equal(await explanationOf(macro, sender), expected));
    }

    it('expands %{i} of an IPv6 client to dotted nibbles', async () => {
      const expanded = await explanationOf('%{ir}.%{v}._spf.%{d2}', { ip: '2001:db8::cb01', mailFrom: 'strong-bad@email.example.com' });
      assert.equal(expanded, '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com');
    });

    it('expands %{c}, %{r} and %{t} in explanations', async () => {
      const options = { ip: '2001:DB8:0:0:0:0:0:CB01', mailFrom: 'a@example.com', receivingHost: 'mx.example.org', now: 1_700_000_000 };
      assert.equal(await explanationOf('%{c} at %{r} on %{t}', options), '2001:db8::cb01 at mx.example.org on 1700000000');
    });

    it('checks the HELO identity, as postmaster, when MAIL FROM is empty', async () => {
      assert.equal(await explanationOf('%{s} %{h}', { ip: '192.0.2.3', mailFrom: '', helo: 'mx.example.com' }), 'postmaster@mx.example.com mx.example.com');
    });
  });

  describe('results, counts and trace', () => {
    it('counts DNS-querying terms and void lookups', async () => {
      const resolver = new SuiteResolver({
        'example.com': [{ TXT: 'v=spf1 a:nx.example.com mx include:inc.example.com -all' }, { MX: [10, 'mx.example.com'] }],
        'mx.example.com': [{ A: '192.0.2.99' }],
        'inc.example.com': [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }],
      });
      const evaluation = await checkSpf({ ip: '192.0.2.1', mailFrom: 'a@example.com', helo: 'h.example.com', resolver });
      assert.equal(evaluation.result, 'pass');
      assert.equal(evaluation.lookups, 3);
      assert.equal(evaluation.voidLookups, 1);
      assert.equal(evaluation.explanation, '');
      assert.ok(evaluation.trace.some((entry) => entry.depth === 1 && entry.domain === 'inc.example.com'));
      assert.ok(evaluation.trace.some((entry) => entry.message.startsWith('include:inc.example.com matches')));
    });

    it('gives temperror, with the reason, when a name is unresolved', async () => {
      const inner = new SuiteResolver({ 'example.com': [{ TXT: 'v=spf1 include:elsewhere.example.net -all' }] });
      const resolver: Resolver = {
        lookup: async (name, type): Promise<LookupAnswer> =>
          name === 'elsewhere.example.net.' ? { kind: 'unresolved', reason: 'DNS lookups are off' } : inner.lookup(name, type),
      };
      const evaluation = await checkSpf({ ip: '192.0.2.1', mailFrom: 'a@example.com', helo: 'h', resolver });
      assert.equal(evaluation.result, 'temperror');
      assert.match(evaluation.explanation, /DNS lookups are off/);
    });

    it('gives permerror for a client address that is not one', async () => {
      const evaluation = await checkSpf({ ip: '192.0.2.300', mailFrom: 'a@example.com', helo: 'h', resolver: new SuiteResolver({}) });
      assert.equal(evaluation.result, 'permerror');
    });

    it('treats an IPv4-mapped client as IPv4', async () => {
      const resolver = new SuiteResolver({ 'example.com': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }] });
      const evaluation = await checkSpf({ ip: '::ffff:192.0.2.7', mailFrom: 'a@example.com', helo: 'h', resolver });
      assert.equal(evaluation.result, 'pass');
    });

    it('looks up names with odd octets in their escaped form', async () => {
      const resolver = new SuiteResolver({ 'example.com': [{ TXT: 'v=spf1 exists:%{l}.list.example.com -all' }], 'a b.list.example.com': [{ A: '127.0.0.2' }] });
      const evaluation = await checkSpf({ ip: '192.0.2.1', mailFrom: 'a b@example.com', helo: 'h', resolver });
      assert.equal(evaluation.result, 'pass');
      assert.ok(resolver.queries.includes('a\\032b.list.example.com./1'));
    });
  });
});
