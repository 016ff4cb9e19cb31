// What the rdata readers report and return: the rule id, the exact span and a clear message for each kind of
// problem, and the structured data the rules read.

import assert from 'node:assert/strict';
import { readLine } from './bind-case';

interface IssueCase {
  readonly line: string;
  readonly ruleId: string;
  /** The source text under the issue's span; empty for "unexpected end of input" at the entry's end. */
  readonly at: string;
  readonly message: RegExp;
}

const ISSUE_CASES: readonly IssueCase[] = [
  { line: 'A 1.2.3', ruleId: 'zone-bad-rdata', at: '1.2.3', message: /bad IPv4 address '1\.2\.3' \(expected four decimal octets/ },
  { line: 'A 1.2.3.04', ruleId: 'zone-bad-rdata', at: '1.2.3.04', message: /leading zeros/ },
  { line: 'A 1.2.3.256', ruleId: 'zone-bad-rdata', at: '1.2.3.256', message: /from 0 to 255/ },
  { line: 'AAAA 1::2::3', ruleId: 'zone-bad-rdata', at: '1::2::3', message: /bad IPv6 address/ },
  { line: 'A "1.2.3.4"', ruleId: 'zone-syntax', at: '"1.2.3.4"', message: /quoted string is not allowed here \(expected an IPv4 address\)/ },
  { line: 'A', ruleId: 'zone-syntax', at: '', message: /unexpected end of input: expected an IPv4 address/ },
  { line: 'A 1.2.3.4 5.6.7.8', ruleId: 'zone-syntax', at: '5.6.7.8', message: /extra input text '5\.6\.7\.8'/ },
  { line: 'MX 65536 mail', ruleId: 'zone-bad-rdata', at: '65536', message: /MX preference 65536 is out of range \(0 to 65535\)/ },
  { line: 'MX ten mail', ruleId: 'zone-bad-rdata', at: 'ten', message: /'ten' is not a valid number \(expected MX preference/ },
  { line: 'MX 10', ruleId: 'zone-syntax', at: '', message: /expected mail exchange name/ },
  { line: 'NS a..b', ruleId: 'zone-bad-name', at: 'a..b', message: /empty label/ },
  { line: 'NS a\\256b', ruleId: 'zone-bad-name', at: 'a\\256b', message: /bad escape/ },
  { line: 'CNAME "www"', ruleId: 'zone-syntax', at: '"www"', message: /quoted string is not allowed/ },
  { line: `TXT "${'x'.repeat(256)}"`, ruleId: 'zone-txt-string-too-long', at: `"${'x'.repeat(256)}"`, message: /256 octets is longer than 255/ },
  { line: `TXT "ok" ${'y'.repeat(254)}\\121\\122`, ruleId: 'zone-txt-string-too-long', at: `${'y'.repeat(254)}\\121\\122`, message: /256 octets/ },
  { line: 'TXT "bad \\256 escape"', ruleId: 'zone-syntax', at: '"bad \\256 escape"', message: /bad escape/ },
  { line: 'TXT', ruleId: 'zone-syntax', at: '', message: /unexpected end of input: expected a character-string/ },
  { line: 'SOA ns hm 1h 1 1 1 1', ruleId: 'zone-bad-rdata', at: '1h', message: /not a valid number \(expected SOA serial/ },
  { line: 'SOA ns hm 1 1h30 1 1 1', ruleId: 'zone-bad-rdata', at: '1h30', message: /not a valid SOA refresh/ },
  { line: 'DS 1 8 2 aabb', ruleId: 'zone-bad-rdata', at: 'aabb', message: /digest is 2 octets long; expected 32/ },
  { line: 'DS 1 8 2 zz', ruleId: 'zone-bad-rdata', at: 'zz', message: /bad hex in digest/ },
  { line: 'DNSKEY 256 3 8 AA', ruleId: 'zone-bad-rdata', at: 'AA', message: /not a multiple of 4/ },
  { line: 'DNSKEY 256 3 FOO AA==', ruleId: 'zone-bad-rdata', at: 'FOO', message: /unknown DNSSEC algorithm 'FOO'/ },
  { line: 'RRSIG A 8 2 300 20351301000000 20240101000000 1 example.com. AA==', ruleId: 'zone-bad-rdata', at: '20351301000000', message: /not a valid date/ },
  { line: 'NSEC next FOO', ruleId: 'zone-bad-rdata', at: 'FOO', message: /unknown RR type 'FOO'/ },
  { line: 'A \\# 3 c00002', ruleId: 'zone-bad-rdata', at: '\\# 3 c00002', message: /not valid A rdata: the data ends inside the IPv4 address/ },
  { line: 'A \\# 4 c00002', ruleId: 'zone-bad-rdata', at: 'c00002', message: /length mismatch: 4 octets declared but the hex holds 3/ },
  { line: 'A \\# 4 c0000201ff', ruleId: 'zone-bad-rdata', at: 'c0000201ff', message: /more than the 4 octets declared/ },
  { line: 'TYPE999 \\# 0 00', ruleId: 'zone-syntax', at: '00', message: /extra input text/ },
  { line: 'TYPE999 \\# x', ruleId: 'zone-bad-rdata', at: 'x', message: /not a valid RFC 3597 rdata length/ },
  { line: 'TYPE999 00', ruleId: 'zone-bad-rdata', at: '00', message: /write its rdata as \\# <length> <hex>/ },
  { line: 'CAA 0 is-sue x', ruleId: 'zone-bad-rdata', at: 'is-sue', message: /bad CAA tag/ },
  { line: 'SVCB 1 . alpn=h2,', ruleId: 'zone-bad-rdata', at: 'alpn=h2,', message: /bad alpn value/ },
  { line: 'SVCB 1 . mandatory=port', ruleId: 'zone-bad-rdata', at: 'mandatory=port', message: /no such parameter/ },
  { line: 'SVCB 1 . port="x"', ruleId: 'zone-bad-rdata', at: 'port="x"', message: /bad port 'x'/ },
  { line: 'LOC 91 N 0 E 0', ruleId: 'zone-bad-rdata', at: '91', message: /latitude degrees 91 is out of range/ },
  { line: 'EUI48 00-00-5e-00-53', ruleId: 'zone-bad-rdata', at: '00-00-5e-00-53', message: /expected 6 hex octets/ },
  { line: 'NULL', ruleId: 'zone-syntax', at: '', message: /\\# <length> <hex>/ },
];

describe('rdata issues: rule ids, spans and messages', () => {
  for (const testCase of ISSUE_CASES) {
    it(`${testCase.line.length > 60 ? testCase.line.slice(0, 60) + '...' : testCase.line} -> ${testCase.ruleId}`, () => {
      const read = readLine(testCase.line);
      assert.ok(read);
      assert.equal(read.result.wire, undefined);
      const errors = read.result.issues.filter((issue) => issue.severity === undefined);
      assert.equal(errors.length, 1);
      const [issue] = errors;
      assert.equal(issue.ruleId, testCase.ruleId);
      assert.equal(read.text.slice(issue.span.start, issue.span.end), testCase.at);
      if (testCase.at === '') assert.equal(issue.span.start, read.text.length - 1);
      assert.match(issue.message, testCase.message);
    });
  }

  it('accepts with a warning what only BIND 9.18 lets through (text after an EUI-48)', () => {
    const read = readLine('EUI48 01-23-45-67-89-abgarbage');
    assert.ok(read?.result.wire);
    assert.equal(read.result.issues.length, 1);
    assert.equal(read.result.issues[0].severity, 'warning');
    assert.match(read.result.issues[0].message, /'garbage' after the EUI-48 address/);
  });
});

describe('rdata data for the rules', () => {
  it('gives A and AAAA addresses, AAAA in RFC 5952 form', () => {
    assert.deepEqual(readLine('A 192.0.2.1')?.result.data, { kind: 'a', address: '192.0.2.1' });
    assert.deepEqual(readLine('AAAA 2001:DB8:0:0:0:0:0:1')?.result.data, { kind: 'aaaa', address: '2001:db8::1' });
    assert.deepEqual(readLine('AAAA ::ffff:192.0.2.1')?.result.data, { kind: 'aaaa', address: '::ffff:c000:201' });
  });

  it('gives targets as canonical absolute names with their spans', () => {
    const read = readLine('NS ns1');
    assert.ok(read);
    assert.equal(read.result.data?.kind, 'target');
    if (read.result.data?.kind !== 'target') return;
    assert.equal(read.result.data.target, 'ns1.example.com.');
    assert.equal(read.text.slice(read.result.data.targetSpan.start, read.result.data.targetSpan.end), 'ns1');
  });

  it('gives MX, SRV and SOA fields', () => {
    const mx = readLine('MX 10 Mail.Example.NET.')?.result.data;
    assert.ok(mx?.kind === 'mx');
    assert.equal(mx.preference, 10);
    assert.equal(mx.exchange, 'Mail.Example.NET.');
    const srv = readLine('SRV 0 5 5060 sip')?.result.data;
    assert.ok(srv?.kind === 'srv');
    assert.deepEqual([srv.priority, srv.weight, srv.port, srv.target], [0, 5, 5060, 'sip.example.com.']);
    const read = readLine('SOA ns hostmaster 2024010101 1d 2h 4w 1h');
    const soa = read?.result.data;
    assert.ok(read && soa?.kind === 'soa');
    assert.deepEqual(
      [soa.mname, soa.rname, soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum],
      ['ns.example.com.', 'hostmaster.example.com.', 2024010101, 86400, 7200, 2419200, 3600],
    );
    assert.equal(read.text.slice(soa.serialSpan.start, soa.serialSpan.end), '2024010101');
  });

  it('gives TXT character-strings with spans, quoting, raw text and octets', () => {
    const read = readLine('TXT "v=spf1 a" -all\\059 "caf\\195\\169" ""');
    const data = read?.result.data;
    assert.ok(read && data?.kind === 'txt');
    assert.deepEqual(
      data.strings.map((s) => [read.text.slice(s.span.start, s.span.end), s.quoted, s.raw, s.value]),
      [
        ['"v=spf1 a"', true, 'v=spf1 a', 'v=spf1 a'],
        ['-all\\059', false, '-all\\059', '-all;'],
        ['"caf\\195\\169"', true, 'caf\\195\\169', 'caf\u00c3\u00a9'],
        ['""', true, '', ''],
      ],
    );
  });

  it('reads `\\#` as a literal # in TXT unless a length follows', () => {
    const literal = readLine('TXT \\# foo')?.result.data;
    assert.ok(literal?.kind === 'txt');
    assert.deepEqual(literal.strings.map((s) => s.value), ['#', 'foo']);
    const generic = readLine('TXT \\# 4 03616263')?.result.data;
    assert.ok(generic?.kind === 'txt');
    assert.deepEqual(generic.strings.map((s) => s.value), ['abc']);
  });

  it('recovers structured data from RFC 3597 rdata of the rule kinds', () => {
    assert.deepEqual(readLine('TYPE1 \\# 4 c0000201')?.result.data, { kind: 'a', address: '192.0.2.1' });
    const mx = readLine('MX \\# 8 000a 046d61696c 00')?.result.data;
    assert.ok(mx?.kind === 'mx');
    assert.deepEqual([mx.preference, mx.exchange], [10, 'mail.']);
  });

  it('gives the other kinds as `other`', () => {
    assert.deepEqual(readLine('HINFO "PC" "Linux"')?.result.data, { kind: 'other' });
  });
});
