// Table tests for the RFC 7208 §12 parser: the terms it builds, the exact range of each error, and linear time.

import { strict as assert } from 'node:assert';
import { formatIp } from '../../../server/src/core/email/spf/ip';
import type { Term } from '../../../server/src/core/email/spf/parse';
import { constantText, isSpfRecordText, parseExplanation, parseSpf, parseTerm } from '../../../server/src/core/email/spf/parse';

/** A compact description of a term, to compare with the tables. */
function describeTerm(term: Term): string {
  switch (term.kind) {
    case 'all':
      return `${term.qualifier}all`;
    case 'include':
    case 'exists':
      return `${term.qualifier}${term.kind}:${term.domain.text}`;
    case 'a':
    case 'mx':
      return `${term.qualifier}${term.kind}:${term.domain?.text ?? '-'}/${term.cidr.ip4 ?? '-'}//${term.cidr.ip6 ?? '-'}`;
    case 'ptr':
      return `${term.qualifier}ptr:${term.domain?.text ?? '-'}`;
    case 'ip4':
    case 'ip6':
      return `${term.qualifier}${term.kind}:${formatIp(term.network)}/${term.prefix}`;
    case 'redirect':
    case 'exp':
      return `${term.kind}=${term.domain.text}`;
    case 'unknown-modifier':
      return `${term.name}=${term.value.text}`;
    default: {
      const unreachable: never = term;
      return unreachable;
    }
  }
}

describe('SPF parser', () => {
  describe('record version', () => {
    const cases: ReadonlyArray<readonly [string, boolean]> = [
      ['v=spf1', true],
      ['v=spf1 -all', true],
      ['V=SpF1 -all', true],
      ['v=spf1  ', true],
      ['v=spf10', false],
      ['v=spf1-all', false],
      ['v=spf2 -all', false],
      ['spf2.0/pra -all', false],
      [' v=spf1 -all', false],
      ['', false],
    ];
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} ${expected ? 'is' : 'is not'} an SPF record`, () => assert.equal(isSpfRecordText(text), expected));
    }
  });

  describe('valid records', () => {
    const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
      ['v=spf1', []],
      ['v=spf1 -all', ['-all']],
      ['v=spf1 all', ['+all']],
      ['v=spf1 ~ALL', ['~all']],
      ['v=spf1 include:_spf.example.com ?all', ['+include:_spf.example.com', '?all']],
      ['v=spf1 a mx a:mail.example.com/24 mx//64 a:x.example.com/24//64', ['+a:-/-//-', '+mx:-/-//-', '+a:mail.example.com/24//-', '+mx:-/-//64', '+a:x.example.com/24//64']],
      ['v=spf1 a:foo:bar/baz.example.com', ['+a:foo:bar/baz.example.com/-//-']],
      ['v=spf1 ptr ptr:example.com', ['+ptr:-', '+ptr:example.com']],
      ['v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.1 -ip6:2001:DB8::/32 ip6:::1.1.1.1/0', ['+ip4:192.0.2.0/24', '+ip4:198.51.100.1/32', '-ip6:2001:db8::/32', '+ip6:::101:101/0']],
      ['v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all', ['+exists:%{ir}.%{l1r+-}._spf.%{d}', '-all']],
      ['v=spf1 redirect=_spf.example.com. exp=explain.%{d2}', ['redirect=_spf.example.com.', 'exp=explain.%{d2}']],
      ['v=spf1 moo.cow-far_out=man:dog/cat default=+ -all', ['moo.cow-far_out=man:dog/cat', 'default=+', '-all']],
      ['v=spf1 a:foo.example.xn--zckzah', ['+a:foo.example.xn--zckzah/-//-']],
      ['v=spf1 a:macro%%percent%_%_space%-url-space.example.com', ['+a:macro%%percent%_%_space%-url-space.example.com/-//-']],
      ['v=spf1 a:%{H} a:%{d}.example.com.', ['+a:%{H}/-//-', '+a:%{d}.example.com./-//-']],
    ];
    for (const [text, expected] of cases) {
      it(text, () => {
        const parsed = parseSpf(text);
        assert.deepEqual(parsed.errors, []);
        assert.deepEqual(parsed.terms.map(describeTerm), expected);
        for (const term of parsed.terms) assert.equal(text.slice(term.start, term.end), term.text);
      });
    }
  });

  describe('syntax errors, with the exact text they cover', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['v=spf1 ip4:1.2.3.4 -all moo', 'moo'],
      ['v=spf1 -all.', '.'],
      ['v=spf1 -all:foobar', ':foobar'],
      ['v=spf1 ptr/0', '/0'],
      ['v=spf1 ptr:', ':'],
      ['v=spf1 a/33', '/33'],
      ['v=spf1 a//129', '//129'],
      ['v=spf1 a/24/64', '/24/64'],
      ['v=spf1 a:', 'a:'],
      ['v=spf1 a:museum', 'museum'],
      ['v=spf1 a:museum.', 'museum.'],
      ['v=spf1 a:abc.123', '123'],
      ['v=spf1 a:example.-com', '-com'],
      ['v=spf1 a:example.com:8080', 'com:8080'],
      ['v=spf1 a:mail.example...com', '.'],
      ['v=spf1 include', 'include'],
      ['v=spf1 include:', 'include:'],
      ['v=spf1 include:example.com/24', 'com/24'],
      ['v=spf1 exists', 'exists'],
      ['v=spf1 exists:%{l1r+}..', '.'],
      ['v=spf1 exists:%{x}', '%{x}'],
      ['v=spf1 exists:%{s0}', '%{s0}'],
      ['v=spf1 exists:%{l1r+-%}.example.com', '%{l1r+-%}'],
      ['v=spf1 exists:foo%.sbl.example.com', '%.'],
      ['v=spf1 exists:%{ir', '%{ir'],
      ['v=spf1 -all exp=%{r}.example.com', '%{r}'],
      ['v=spf1 ip4', 'ip4'],
      ['v=spf1 ip4:1.2.3', '1.2.3'],
      ['v=spf1 ip4:1.2.3.4/032', '/032'],
      ['v=spf1 ip4:1.2.3.4//32', '//32'],
      ['v=spf1 ip4:1.2.3.4:8080', '1.2.3.4:8080'],
      ['v=spf1 ip4:01.2.3.4', '01.2.3.4'],
      ['v=spf1 ip6::CAFE::BABE', ':CAFE::BABE'],
      ['v=spf1 ip6:::1/129', '/129'],
      ['v=spf1 ip6:1.2.3.4::', '1.2.3.4::'],
      ['v=spf1 redirect:example.com', 'redirect:example.com'],
      ['v=spf1 ?redirect=example.com', '?'],
      ['v=spf1 redirect=', 'redirect='],
      ['v=spf1 redirect=a.example redirect=b.example', 'redirect=b.example'],
      ['v=spf1 exp=a.example -all exp=b.example', 'exp=b.example'],
      ['v=spf1 1up=foo', '1up=foo'],
      ['v=spf1 =all', '=all'],
      ['v=spf1 -all foo=%abc', '%a'],
      ['v=spf1 a:ctrl.example.com\rptr -all', '\r'],
      ['v=spf1 a:\xef\xbb\xbfgarbage.example.net -all', '\xef\xbb\xbf'],
      ['v=spf1 !', '!'],
      // The grammar allows a root dot only after a top label, not after a macro.
      ['v=spf1 a:%{d}.', '.'],
      ['v=spf10 -all', 'v=spf10'],
    ];
    for (const [text, fragment] of cases) {
      it(JSON.stringify(text), () => {
        const parsed = parseSpf(text);
        assert.equal(parsed.errors.length, 1, parsed.errors.map((e) => e.message).join('; '));
        const [error] = parsed.errors;
        assert.equal(text.slice(error.start, error.end), fragment, error.message);
      });
    }
  });

  it('reports an error in every bad term, and keeps the good ones', () => {
    const parsed = parseSpf('v=spf1 a:museum ip4:192.0.2.1 moo -all');
    assert.deepEqual(
      parsed.errors.map((error) => error.start),
      [9, 30],
    );
    assert.deepEqual(parsed.terms.map(describeTerm), ['+ip4:192.0.2.1/32', '-all']);
  });

  describe('what a receiver reaches, what comes after all, and the count of each kind', () => {
    // [record, reached terms, first all, redirect, mechanisms after the first all, kinds with their counts]
    const cases: ReadonlyArray<readonly [string, readonly string[], string | undefined, string | undefined, readonly string[], Readonly<Record<string, number>>]> = [
      ['v=spf1', [], undefined, undefined, [], {}],
      ['v=spf1 mx a include:_spf.example.com ~all', ['+mx:-/-//-', '+a:-/-//-', '+include:_spf.example.com', '~all'], '~all', undefined, [], { mx: 1, a: 1, include: 1, all: 1 }],
      ['v=spf1 a -all ip4:192.0.2.1 ~all', ['+a:-/-//-', '-all'], '-all', undefined, ['+ip4:192.0.2.1/32', '~all'], { a: 1, all: 2, ip4: 1 }],
      ['v=spf1 a redirect=_spf.example.com', ['+a:-/-//-', 'redirect=_spf.example.com'], undefined, 'redirect=_spf.example.com', [], { a: 1, redirect: 1 }],
      ['v=spf1 redirect=_spf.example.com a', ['+a:-/-//-', 'redirect=_spf.example.com'], undefined, 'redirect=_spf.example.com', [], { a: 1, redirect: 1 }],
      ['v=spf1 redirect=_spf.example.com -all', ['-all'], '-all', 'redirect=_spf.example.com', [], { redirect: 1, all: 1 }],
      ['v=spf1 -all redirect=_spf.example.com mx exp=why.example.com', ['-all'], '-all', 'redirect=_spf.example.com', ['+mx:-/-//-'], { all: 1, redirect: 1, mx: 1, exp: 1 }],
      ['v=spf1 exp=why.example.com ptr ptr:example.com foo=bar', ['+ptr:-', '+ptr:example.com'], undefined, undefined, [], { exp: 1, ptr: 2, 'unknown-modifier': 1 }],
      ['not spf', [], undefined, undefined, [], {}],
    ];
    for (const [text, reached, all, redirect, afterAll, counts] of cases) {
      it(JSON.stringify(text), () => {
        const parsed = parseSpf(text);
        assert.deepEqual(parsed.reached.map(describeTerm), reached);
        assert.equal(parsed.all === undefined ? undefined : describeTerm(parsed.all), all);
        assert.equal(parsed.redirect === undefined ? undefined : describeTerm(parsed.redirect), redirect);
        assert.deepEqual(parsed.afterAll.map(describeTerm), afterAll);
        assert.deepEqual(Object.fromEntries(Object.entries(parsed.counts).filter(([, count]) => count > 0)), counts);
      });
    }
  });

  it('parses one term on its own', () => {
    assert.equal(parseTerm('include:a.example').term?.kind, 'include');
    assert.ok(parseTerm('ple.com').errors.length > 0);
    assert.ok(parseTerm('a b').errors.length > 0);
  });

  it('parses explanation strings, where spaces and the c, r, t macros are allowed', () => {
    const ok = parseExplanation('%{c} is not one of %{d}\'s designated mail servers (%{r}, %{t}).');
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.value?.parts.filter((part) => part.kind === 'macro').length, 4);
    assert.ok(parseExplanation('The %{x}-files.').errors.length > 0);
    assert.ok(parseExplanation('\xef\xbb\xbfExplanation').errors.length > 0);
  });

  it('gives the constant text of a macro-free domain-spec', () => {
    const [escapes, macro] = parseSpf('v=spf1 a:x%%y%_z.example.com a:%{d}.example.com').terms;
    assert.ok(escapes.kind === 'a' && macro.kind === 'a');
    assert.equal(constantText(escapes.domain!), 'x%y z.example.com');
    assert.equal(constantText(macro.domain!), undefined);
  });

  it('runs in linear time on hostile input', () => {
    // Long runs of what would make a backtracking or rescanning parser slow. A quadratic parser needs minutes
    // on 100 KB, so the generous bound only fails for the wrong complexity, not on a busy machine.
    const hostile = [
      'v=spf1 exists:' + '%{'.repeat(50_000),
      'v=spf1 a:' + '1'.repeat(100_000),
      'v=spf1 a' + '/'.repeat(100_000),
      'v=spf1 a:' + 'a.'.repeat(50_000),
      'v=spf1 ' + 'a '.repeat(50_000),
      'v=spf1 ' + 'ip4:192.0.2.1 '.repeat(20_000),
      'v=spf1 ' + 'moo '.repeat(50_000),
      'v=spf1 ' + 'exists:%{ '.repeat(20_000),
    ];
    for (const text of hostile) {
      const started = process.hrtime.bigint();
      parseSpf(text);
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(elapsedMs < 1500, `${text.slice(0, 20)}...: ${elapsedMs} ms`);
    }
  });
});
