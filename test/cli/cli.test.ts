// The zonelint command line as users run it (the bundled bin, in a child process): formats, exit codes, config
// files, folders, and every corpus zone read without a crash.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_RULES } from '../../server/src/core/rules';
import { corpusPath, PROJECT_ROOT } from '../corpora';

const BIN = path.join(PROJECT_ROOT, 'bin', 'zonelint.js');

function zonelint(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLEAN = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
const BROKEN = CLEAN + 'www A 192.0.2\nmy_host A 192.0.2.1\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonelint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('zonelint CLI', function () {
  this.timeout(120000);

  it('exits 0 and reports nothing for a clean zone', () => {
    const dir = workspace({ 'example.com.zone': CLEAN });
    const run = zonelint(['--dns', 'off', 'example.com.zone'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 file checked: 0 error\(s\), 0 warning\(s\)/);
  });

  it('prints compiler-style lines and exits 1 on errors', () => {
    const dir = workspace({ 'example.com.zone': BROKEN });
    const run = zonelint(['--dns', 'off', 'example.com.zone'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^example\.com\.zone:5:7: error zone-bad-rdata .+$/m);
    assert.match(run.stdout, /^example\.com\.zone:6:1: warning zone-check-names .+$/m);
  });

  it('prints the documented JSON with 0-based positions', () => {
    const dir = workspace({ 'example.com.zone': BROKEN });
    const run = zonelint(['--dns', 'off', '--format', 'json', 'example.com.zone'], dir);
    assert.equal(run.status, 1);
    const json = JSON.parse(run.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    const [file] = json.files;
    assert.equal(file.path, 'example.com.zone');
    assert.equal(file.origin, 'example.com.');
    const bad = file.diagnostics.find((d: { code: string }) => d.code === 'zone-bad-rdata');
    assert.deepEqual(bad.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 13 } });
    assert.equal(bad.severity, 'error');
    assert.equal(typeof bad.message, 'string');
    for (const d of file.diagnostics) assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
  });

  it('prints SARIF 2.1.0 with every rule and 1-based regions', () => {
    const dir = workspace({ 'example.com.zone': BROKEN });
    const run = zonelint(['--dns', 'off', '--format', 'sarif', 'example.com.zone'], dir);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'zonelint');
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id).sort(), ALL_RULES.map((r) => r.meta.id).sort());
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
    }
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'zone-bad-rdata');
    assert.equal(result.level, 'error');
    assert.equal(driver.rules[result.ruleIndex].id, 'zone-bad-rdata');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 5, startColumn: 7, endLine: 5, endColumn: 14 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'example.com.zone');
  });

  it('exits 2 on usage and I/O problems', () => {
    const dir = workspace({ 'example.com.zone': CLEAN });
    assert.equal(zonelint(['--format', 'xml', 'example.com.zone'], dir).status, 2);
    assert.equal(zonelint(['--no-such-option', 'example.com.zone'], dir).status, 2);
    assert.equal(zonelint(['missing.zone'], dir).status, 2);
    assert.equal(zonelint([], dir).status, 2);
    assert.equal(zonelint(['--dns', 'sometimes', 'example.com.zone'], dir).status, 2);
    const badConfig = workspace({ 'example.com.zone': CLEAN, '.zonelint.json': '{ not json' });
    const run = zonelint(['example.com.zone'], badConfig);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read config/);
  });

  it('prints help and version', () => {
    const dir = workspace({});
    const help = zonelint(['--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: zonelint/);
    assert.match(zonelint(['--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('reads .zonelint.json: rule severities and origin mappings', () => {
    const dir = workspace({
      'zones/hosts': CLEAN + 'my_host A 192.0.2.1\n',
      '.zonelint.json': JSON.stringify({ rules: { 'zone-check-names': 'error' }, origins: { 'zones/hosts': 'corp.example' } }),
    });
    const run = zonelint(['--dns', 'off', '--format', 'json', 'zones/hosts'], dir);
    const json = JSON.parse(run.stdout);
    assert.equal(json.files[0].origin, 'corp.example.');
    assert.equal(json.files[0].diagnostics.find((d: { code: string }) => d.code === 'zone-check-names').severity, 'error');
    assert.equal(run.status, 1);
  });

  it('--origin sets the origin of a single file', () => {
    const dir = workspace({ zonefile: CLEAN });
    const json = JSON.parse(zonelint(['--dns', 'off', '--format', 'json', '--origin', 'example.net', 'zonefile'], dir).stdout);
    assert.equal(json.files[0].origin, 'example.net.');
  });

  it('finds zone files in folders and reports an included file under its own path', () => {
    const dir = workspace({
      'zones/example.com.zone': CLEAN + '$INCLUDE hosts.inc\n',
      'zones/hosts.inc': 'bad A 192.0.2\n',
      'zones/db.example.org': CLEAN,
      'zones/notes.txt': 'not a zone',
      'zones/binary.db': '\u0000\u0001',
    });
    const json = JSON.parse(zonelint(['--dns', 'off', '--format', 'json', 'zones'], dir).stdout);
    const paths = json.files.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['zones/db.example.org', 'zones/example.com.zone', 'zones/hosts.inc']);
    const included = json.files.find((f: { path: string }) => f.path === 'zones/hosts.inc');
    assert.equal(included.origin, 'example.com.');
    assert.deepEqual(included.diagnostics.map((d: { code: string }) => d.code), ['zone-bad-rdata']);
  });

  describe('spf', () => {
    const zones = {
      'example.com.zone': CLEAN + '@ TXT "v=spf1 ip4:192.0.2.25 include:_spf.provider.example -all"\n',
      'provider.example.zone': CLEAN + '_spf TXT "v=spf1 ip4:198.51.100.0/24 -all"\n',
    };

    for (const [ip, result] of [
      ['192.0.2.25', 'pass'],
      ['198.51.100.7', 'pass'],
      ['203.0.113.9', 'fail'],
    ] as const) {
      it(`evaluates ${ip} through the include in the other zone: ${result}`, () => {
        const dir = workspace(zones);
        const run = zonelint(['spf', '--dns', 'off', '--ip', ip, '--mail-from', 'scanner@example.com', '.'], dir);
        assert.equal(run.status, 0, run.stderr);
        const evaluation = JSON.parse(run.stdout);
        assert.equal(evaluation.result, result);
        assert.equal(evaluation.lookups, ip === '192.0.2.25' ? 0 : 1);
        assert.ok(Array.isArray(evaluation.trace) && evaluation.trace.length > 0);
      });
    }

    it('checks the HELO name when the sender is empty', () => {
      const dir = workspace(zones);
      const evaluation = JSON.parse(zonelint(['spf', '--dns', 'off', '--ip', '192.0.2.25', '--helo', 'example.com', '.'], dir).stdout);
      assert.equal(evaluation.result, 'pass');
    });

    it('exits 2 on a bad address or a missing sender', () => {
      const dir = workspace(zones);
      assert.equal(zonelint(['spf', '--ip', 'not-an-ip', '--mail-from', 'a@example.com', '.'], dir).status, 2);
      assert.equal(zonelint(['spf', '--ip', '192.0.2.1', '.'], dir).status, 2);
    });
  });

  it('prints JSON for every corpus zone without crashing', () => {
    // Knot's inputs (.in) and dns-zonefile's fixtures (.txt) are not named like zone files, so they are passed
    // as files; the other corpora are searched as folders, the way users run zonelint.
    const named = (folder: string[], ending: string) =>
      readdirSync(corpusPath(...folder))
        .filter((name) => name.endsWith(ending))
        .map((name) => corpusPath(...folder, name));
    const runs: [string, string[]][] = [
      ...['bind9', 'nsd-tpkg', 'ldns', 'simdzone', 'pyspf', 'perf'].map((corpus): [string, string[]] => [corpus, [corpusPath(corpus)]]),
      ['knot-zscanner', named(['knot-zscanner', 'data'], '.in')],
      ['dns-zonefile', named(['dns-zonefile'], '.txt')],
    ];
    for (const [corpus, inputs] of runs) {
      const run = zonelint(['--dns', 'off', '--format', 'json', ...inputs], PROJECT_ROOT);
      assert.ok(run.status === 0 || run.status === 1, `${corpus}: exit ${run.status}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /internal error/);
      const json = JSON.parse(run.stdout);
      assert.ok(json.files.length > 0, `${corpus}: no zone files found`);
      // Each diagnostic stands on a line of its own, so the output greps and diffs line by line.
      const diagnosticLines = run.stdout.split('\n').filter((line) => line.startsWith('        {'));
      const diagnostics = json.files.reduce((count: number, file: { diagnostics: unknown[] }) => count + file.diagnostics.length, 0);
      assert.equal(diagnosticLines.length, diagnostics, `${corpus}: one line per diagnostic`);
    }
  });
});
