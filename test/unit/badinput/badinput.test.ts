// Hostile and broken input, through the core and through the CLI: binary garbage, a 50 MB line, unbalanced
// everything, $INCLUDE of /etc/passwd, of itself and in an exponential fan-out, and a four-billion-record
// $GENERATE. Each must give a clear diagnostic in bounded time and never crash or read outside the workspace.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../../server/src/cli/main';
import { MAX_INCLUDED_FILES } from '../../../server/src/core/zone/parser';
import { assertWellFormed, lintText, WORKSPACE } from '../properties/harness';

const HEAD = '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.53\n';
/** The longest message a diagnostic may carry: it names the problem, the span shows where. */
const MAX_MESSAGE = 400;
const FIFTY_MB = 50 * 1024 * 1024;

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failure can be reproduced. */
function garbage(length: number, seed: number): string {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes.toString('latin1');
}

interface CoreCase {
  readonly name: string;
  readonly text: () => string;
  readonly others?: Readonly<Record<string, string>>;
  /** Rule id and a piece of its message that must be among the diagnostics. */
  readonly expect: { readonly ruleId: string; readonly message: RegExp };
  readonly maxMs: number;
}

const coreCases: readonly CoreCase[] = [
  { name: 'binary garbage', text: () => garbage(256 * 1024, 7), expect: { ruleId: 'zone-syntax', message: /NUL byte/ }, maxMs: 10000 },
  {
    name: 'a 50 MB TXT line without a newline',
    text: () => `${HEAD}www IN TXT ${'x'.repeat(FIFTY_MB)}`,
    expect: { ruleId: 'zone-txt-string-too-long', message: /longer than 255/ },
    maxMs: 20000,
  },
  { name: 'a 50 MB owner name', text: () => `${HEAD}${'a'.repeat(FIFTY_MB)} IN A 192.0.2.1\n`, expect: { ruleId: 'zone-bad-name', message: /label too long/ }, maxMs: 20000 },
  { name: 'a 50 MB line of open parentheses', text: () => `${HEAD}www IN A ${'('.repeat(FIFTY_MB)}\n`, expect: { ruleId: 'zone-syntax', message: /unbalanced parentheses/ }, maxMs: 20000 },
  {
    name: 'unbalanced everything',
    text: () => `${HEAD}${'(((( """ ))))) \\ ( " ;(\n'.repeat(2000)}bad1 IN TXT "open\nbad2 IN A 192.0.2.1 )\n`,
    expect: { ruleId: 'zone-syntax', message: /unbalanced/ },
    maxMs: 10000,
  },
  {
    name: '$INCLUDE /etc/passwd (outside the workspace)',
    text: () => `${HEAD}$INCLUDE /etc/passwd\n`,
    expect: { ruleId: 'zone-include', message: /outside the workspace/ },
    maxMs: 2000,
  },
  {
    name: '$INCLUDE climbing out of the workspace with ../',
    text: () => `${HEAD}$INCLUDE ../../../../etc/passwd\n`,
    expect: { ruleId: 'zone-include', message: /outside the workspace/ },
    maxMs: 2000,
  },
  { name: '$INCLUDE of the file itself', text: () => `${HEAD}$INCLUDE example.com.zone\n`, expect: { ruleId: 'zone-include', message: /cycle/ }, maxMs: 2000 },
  {
    name: '$INCLUDE cycle through a second file',
    text: () => `${HEAD}$INCLUDE b.zone\n`,
    others: { [`${WORKSPACE}/b.zone`]: '$INCLUDE example.com.zone\n' },
    expect: { ruleId: 'zone-include', message: /cycle/ },
    maxMs: 2000,
  },
  {
    name: '$INCLUDE fan-out: each file includes the next ten times, fourteen levels deep',
    text: () => `${HEAD}${'$INCLUDE f0.zone\n'.repeat(10)}`,
    others: Object.fromEntries([
      ...Array.from({ length: 14 }, (_, level) => [`${WORKSPACE}/f${level}.zone`, `$INCLUDE f${level + 1}.zone\n`.repeat(10)]),
      [`${WORKSPACE}/f14.zone`, 'leaf IN A 192.0.2.9\n'],
    ]),
    expect: { ruleId: 'zone-include', message: new RegExp(`already reads ${MAX_INCLUDED_FILES} included files`) },
    maxMs: 10000,
  },
  { name: '$GENERATE 0-4294967295', text: () => `${HEAD}$GENERATE 0-4294967295 host-$ A 192.0.2.1\n`, expect: { ruleId: 'zone-generate', message: /invalid range/ }, maxMs: 2000 },
  {
    name: '$GENERATE over the whole valid range',
    text: () => `${HEAD}$GENERATE 0-2147483647 host-$ A 192.0.2.1\n`,
    expect: { ruleId: 'zone-generate', message: /more than the limit/ },
    maxMs: 2000,
  },
];

describe('bad input through the core', function () {
  this.timeout(120000);

  for (const c of coreCases) {
    it(`${c.name}: ${c.expect.ruleId}, no crash, bounded time`, async () => {
      const text = c.text();
      const start = performance.now();
      const linted = await lintText(text, c.others);
      const elapsed = performance.now() - start;
      assertWellFormed(linted);
      const hit = linted.diagnostics.find((d) => d.ruleId === c.expect.ruleId && c.expect.message.test(d.message));
      assert.ok(hit, `no ${c.expect.ruleId} matching ${c.expect.message}; got ${linted.diagnostics.slice(0, 5).map((d) => `${d.ruleId}: ${d.message.slice(0, 100)}`).join(' | ')}`);
      for (const diagnostic of linted.diagnostics) {
        assert.ok(diagnostic.message.length <= MAX_MESSAGE, `${diagnostic.ruleId} message of ${diagnostic.message.length} characters`);
      }
      for (const read of linted.reads) assert.ok(read.startsWith(`${WORKSPACE}/`), `read ${read} outside the workspace`);
      assert.ok(elapsed < c.maxMs, `took ${elapsed.toFixed(0)} ms, limit ${c.maxMs} ms`);
    });
  }
});

interface CliCase {
  readonly name: string;
  readonly files: () => Record<string, string | Buffer>;
  readonly expect: { readonly ruleId: string; readonly message: RegExp };
  /** Text that must not appear in the output (what an included file outside the workspace would leak). */
  readonly mustNotPrint?: RegExp;
}

const cliCases: readonly CliCase[] = [
  { name: 'binary garbage', files: () => ({ 'example.com.zone': Buffer.from(garbage(64 * 1024, 11), 'latin1') }), expect: { ruleId: 'zone-syntax', message: /NUL byte/ } },
  {
    name: 'a 50 MB line',
    files: () => ({ 'example.com.zone': `${HEAD}${'x'.repeat(FIFTY_MB)} IN TXT "a"\n` }),
    expect: { ruleId: 'zone-bad-name', message: /label too long/ },
  },
  {
    name: '$INCLUDE /etc/passwd',
    files: () => ({ 'example.com.zone': `${HEAD}$INCLUDE /etc/passwd\n$INCLUDE ../../../../../../etc/passwd\n` }),
    expect: { ruleId: 'zone-include', message: /outside the workspace/ },
    mustNotPrint: /root:|nologin|\/bin\/(ba)?sh/,
  },
  { name: '$INCLUDE of itself', files: () => ({ 'example.com.zone': `${HEAD}$INCLUDE example.com.zone\n` }), expect: { ruleId: 'zone-include', message: /cycle/ } },
  { name: '$GENERATE 0-4294967295', files: () => ({ 'example.com.zone': `${HEAD}$GENERATE 0-4294967295 h$ A 192.0.2.1\n` }), expect: { ruleId: 'zone-generate', message: /invalid range/ } },
];

interface JsonReport {
  readonly files: { readonly path: string; readonly diagnostics: { readonly code: string; readonly message: string }[] }[];
}

describe('bad input through the CLI', function () {
  this.timeout(120000);
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'zonelint-badinput-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  for (const c of cliCases) {
    it(`${c.name}: exit 1 with ${c.expect.ruleId}, short JSON output`, async () => {
      let inputLength = 0;
      for (const [name, content] of Object.entries(c.files())) {
        writeFileSync(path.join(directory, name), content);
        inputLength += content.length;
      }
      let stdout = '';
      let stderr = '';
      const status = await runCli(['--dns', 'off', '--format', 'json', 'example.com.zone'], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        cwd: directory,
      });
      assert.equal(stderr, '');
      assert.equal(status, 1, 'an error-severity diagnostic gives exit status 1');
      // A diagnostic names the problem and points at it; it must not copy megabytes of input into the report.
      assert.ok(stdout.length < 4 * inputLength + 64 * 1024, `JSON output of ${stdout.length} characters for ${inputLength} of input`);
      const report = JSON.parse(stdout) as JsonReport;
      const diagnostics = report.files.flatMap((file) => file.diagnostics);
      assert.ok(
        diagnostics.some((d) => d.code === c.expect.ruleId && c.expect.message.test(d.message)),
        `no ${c.expect.ruleId} matching ${c.expect.message}; got ${diagnostics.map((d) => d.code).join(', ')}`,
      );
      if (c.mustNotPrint !== undefined) assert.doesNotMatch(stdout, c.mustNotPrint);
    });
  }
});
