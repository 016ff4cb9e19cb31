// `npm run bench` (after `npm run build`): times zonelint against named-checkzone and kzonecheck on the same zone
// files, side by side in one run, and prints a Markdown table of median wall times, ratios and peak memory.
//
//   node bench/run.mjs [--runs N] [--sizes 10000,100000,700000] [--no-root] [--profile] [--per-rule]
//
// Files: the 2018 root zone from the shared corpora and synthetic mail zones of about the given record counts,
// generated once into bench/.data/ (git-ignored) by shared/corpora/perf/gen_mail_zone.py. Each tool is a child
// process wrapped in /usr/bin/time, which reports its peak resident set size. `--profile` also writes a CPU profile
// of the zonelint CLI on the largest file and prints its hottest functions with their source files; `--per-rule`
// runs each rule alone on the largest file and prints its time and the heap its caches keep.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEBIAN_TOOLS, ensureDebianPackages } from '../scripts/debian.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'bench', '.data');
const corpora = path.resolve(root, '..', 'shared', 'corpora');
const generator = path.join(corpora, 'perf', 'gen_mail_zone.py');
const rootZone = path.join(corpora, 'perf', 'root.zone.2018-03-12');
const cli = path.join(root, 'bin', 'zonelint.js');
const TIME = '/usr/bin/time';
/** The generator writes 7 apex and helper records, then 7 records for each of its N domains. */
const GENERATOR_FIXED_RECORDS = 7;
const GENERATOR_RECORDS_PER_DOMAIN = 7;
const SYNTHETIC_ORIGIN = 'example.test.';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '10000,100000,700000' },
    'no-root': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'per-rule': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const sizes = values.sizes.split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || sizes.some((size) => !Number.isInteger(size) || size < 100)) {
  console.error('usage: node bench/run.mjs [--runs N] [--sizes 10000,100000,700000] [--no-root] [--profile] [--per-rule]');
  process.exit(2);
}

ensureDebianPackages([
  ...DEBIAN_TOOLS.filter((tool) => tool.command === 'named-checkzone' || tool.command === 'kzonecheck'),
  { command: TIME, pkg: 'time', why: 'measures the peak memory (RSS) of each checker in the benchmark' },
]);
if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
mkdirSync(path.join(dataDir, 'out'), { recursive: true });
const inProcessScript = await bundle('inprocess');
const perRuleScript = values['per-rule'] ? await bundle('perRule') : undefined;
const reportLines = [];

const files = [];
if (!values['no-root']) files.push({ label: 'root zone 2018-03-12', file: rootZone, origin: '.' });
for (const size of sizes) files.push({ label: `synthetic ${formatCount(size)}`, file: syntheticZone(size), origin: SYNTHETIC_ORIGIN });

const tools = [
  { name: 'zonelint', command: (f) => [process.execPath, cli, '--dns', 'off', '--format', 'json', '--origin', f.origin, f.file], okStatus: [0, 1] },
  { name: 'named-checkzone', command: (f) => ['named-checkzone', '-i', 'local', f.origin, f.file], okStatus: [0, 1] },
  { name: 'kzonecheck', command: (f) => ['kzonecheck', '-o', f.origin, f.file], okStatus: [0, 1] },
];

report(`# zonelint benchmark, ${new Date().toISOString()}`);
report(`machine: ${machineDescription()}`);
report(`load average at start (1, 5, 15 min): ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}`);
report(`runs per tool and file: ${runs} (median reported)\n`);

const rows = [];
for (const entry of files) {
  const bytes = statSync(entry.file).size;
  const row = { ...entry, bytes, tools: timeTools(entry) };
  for (const tool of tools) process.stderr.write(`${entry.label}: ${tool.name} ${fmtSeconds(row.tools[tool.name].medianMs)}, ${fmtMiB(row.tools[tool.name].maxRssKiB)}\n`);
  row.inProcess = runInProcess(entry);
  row.findings = countFindings(path.join(dataDir, 'out', `zonelint-${path.basename(entry.file)}.stdout`));
  process.stderr.write(`${entry.label}: in-process parse ${fmtSeconds(median(row.inProcess.parseMs))}, rules ${fmtSeconds(median(row.inProcess.lintMs))}\n`);
  rows.push(row);
}

printTables(rows);
printTargets(rows);
if (values.profile) profileLargest(files[files.length - 1]);
if (perRuleScript !== undefined) perRuleCosts(files[files.length - 1], perRuleScript);
report(`\nload average at the end (1, 5, 15 min): ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}`);
writeFileSync(path.join(dataDir, 'last-run.md'), reportLines.join('\n') + '\n');
process.stderr.write(`report also written to ${path.relative(root, path.join(dataDir, 'last-run.md'))}\n`);

/** Prints one line of the Markdown report and keeps it for bench/.data/last-run.md. */
function report(line = '') {
  console.log(line);
  reportLines.push(line);
}

/**
 * Runs every tool `runs` times on one file, taking the tools in turn in each round so that a change in the load
 * of the machine affects them alike. Wall time is measured here, peak RSS by /usr/bin/time.
 */
function timeTools(entry) {
  const results = Object.fromEntries(tools.map((tool) => [tool.name, { times: [], cpuTimes: [], rss: [], statuses: new Set() }]));
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      const measured = timeOnce(tool, entry);
      results[tool.name].times.push(measured.ms);
      results[tool.name].cpuTimes.push(measured.cpuMs);
      results[tool.name].rss.push(measured.maxRssKiB);
      results[tool.name].statuses.add(measured.status);
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      { medianMs: median(r.times), minMs: Math.min(...r.times), times: r.times, medianCpuMs: median(r.cpuTimes), maxRssKiB: Math.max(...r.rss), statuses: [...r.statuses] },
    ]),
  );
}

/** One run of one tool on one file, its output kept in bench/.data/out/ for inspection. */
function timeOnce(tool, entry) {
  const base = path.join(dataDir, 'out', `${tool.name}-${path.basename(entry.file)}`);
  const rssFile = `${base}.time`;
  const stdout = openSync(`${base}.stdout`, 'w');
  const stderr = openSync(`${base}.stderr`, 'w');
  const [command, ...args] = tool.command(entry);
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args], { stdio: ['ignore', stdout, stderr] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(stdout);
  closeSync(stderr);
  if (!tool.okStatus.includes(result.status)) {
    console.error(`${tool.name} failed on ${entry.file} with status ${result.status}; see ${base}.stderr`);
    process.exit(1);
  }
  // With a non-zero exit status, GNU time writes "Command exited with non-zero status N" before the figures.
  const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
  const [maxRssKiB, userSeconds, systemSeconds] = lines[lines.length - 1].split(' ').map(Number);
  return { ms, cpuMs: (userSeconds + systemSeconds) * 1000, maxRssKiB, status: result.status };
}

/**
 * The in-process parse and rule times, from the bundled bench/inprocess.ts: one measurement per fresh process, as
 * for the CLI, so a run never pays for the heap an earlier run left behind.
 */
function runInProcess(entry) {
  const merged = { records: 0, findings: 0, parseMs: [], lintMs: [], heapUsedBytes: 0 };
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(process.execPath, ['--expose-gc', inProcessScript, entry.file, entry.origin, '1'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (result.status !== 0) {
      console.error(`in-process measurement failed on ${entry.file}:\n${result.stderr}`);
      process.exit(1);
    }
    const measured = JSON.parse(result.stdout);
    merged.records = measured.records;
    merged.findings = measured.findings;
    merged.parseMs.push(...measured.parseMs);
    merged.lintMs.push(...measured.lintMs);
    merged.heapUsedBytes = Math.max(merged.heapUsedBytes, measured.heapUsedBytes);
  }
  return merged;
}

/** Bundles bench/<name>.ts with esbuild, as the CLI is bundled, into bench/.data/<name>.js. */
async function bundle(name) {
  const { build } = await import('esbuild');
  const outfile = path.join(dataDir, `${name}.js`);
  await build({ entryPoints: [path.join(root, 'bench', `${name}.ts`)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return outfile;
}

/** A synthetic zone of about `records` records, generated once and kept in bench/.data/. */
function syntheticZone(records) {
  const domains = Math.max(1, Math.round((records - GENERATOR_FIXED_RECORDS) / GENERATOR_RECORDS_PER_DOMAIN));
  const file = path.join(dataDir, `mail-${domains}.zone`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  process.stderr.write(`generating ${path.relative(root, file)} (${domains} domains)\n`);
  const out = openSync(file, 'w');
  const result = spawnSync('python3', [generator, String(domains), '--seed', '1', '--origin', SYNTHETIC_ORIGIN], { stdio: ['ignore', out, 'ignore'] });
  closeSync(out);
  if (result.status !== 0) {
    rmSync(file, { force: true });
    console.error(`gen_mail_zone.py failed (status ${result.status}); python3 is needed to generate the synthetic zones`);
    process.exit(1);
  }
  return file;
}

function countFindings(jsonFile) {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  return report.files.reduce((sum, file) => sum + file.diagnostics.length, 0);
}

function printTables(rows) {
  report('## Wall time (median) and peak RSS\n');
  report('| file | size | records | zonelint CLI | named-checkzone | kzonecheck | zonelint / named | zonelint / knot |');
  report('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const z = row.tools.zonelint;
    const n = row.tools['named-checkzone'];
    const k = row.tools.kzonecheck;
    report(
      `| ${row.label} | ${fmtMiB(row.bytes / 1024)} | ${row.inProcess.records.toLocaleString('en-US')} | ` +
        `${fmtSeconds(z.medianMs)}, ${fmtMiB(z.maxRssKiB)} | ${fmtSeconds(n.medianMs)}, ${fmtMiB(n.maxRssKiB)} | ` +
        `${fmtSeconds(k.medianMs)}, ${fmtMiB(k.maxRssKiB)} | ${(z.medianMs / n.medianMs).toFixed(2)} | ${(z.medianMs / k.medianMs).toFixed(2)} |`,
    );
  }
  report('\n## zonelint in process: parse and rules separately (median), heap kept for the parsed zone\n');
  report('| file | records | parse | rules | parse µs/record | total µs/record | heap after | findings |');
  report('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const p = row.inProcess;
    const parse = median(p.parseMs);
    const lint = median(p.lintMs);
    report(
      `| ${row.label} | ${p.records.toLocaleString('en-US')} | ${fmtSeconds(parse)} | ${fmtSeconds(lint)} | ` +
        `${((parse * 1000) / p.records).toFixed(2)} | ${(((parse + lint) * 1000) / p.records).toFixed(2)} | ` +
        `${fmtMiB(p.heapUsedBytes / 1024)} | ${row.findings.toLocaleString('en-US')} |`,
    );
  }
  const statusNotes = rows.flatMap((row) => Object.entries(row.tools).map(([name, t]) => `${name} on ${row.label}: exit ${t.statuses.join('/')}`));
  report(`\nexit statuses: ${statusNotes.join('; ')}`);
}

/** The targets of the performance brief: faster than named-checkzone on the largest zone, under 1 GiB, linear. */
function printTargets(rows) {
  const synthetic = rows.filter((row) => row.origin === SYNTHETIC_ORIGIN).sort((a, b) => a.inProcess.records - b.inProcess.records);
  if (synthetic.length === 0) return;
  const largest = synthetic[synthetic.length - 1];
  const z = largest.tools.zonelint;
  const n = largest.tools['named-checkzone'];
  report('\n## Targets\n');
  report(`- faster than named-checkzone on ${largest.label}: ${fmtSeconds(z.medianMs)} vs ${fmtSeconds(n.medianMs)}: ${z.medianMs < n.medianMs ? 'met' : 'MISSED'}`);
  // The two ran one after the other in each round, so the ratio of a round is less moved by the load of a shared
  // machine than the ratio of medians; CPU time (user and system, all threads) is shown beside the wall time.
  const paired = z.times.map((time, round) => time / n.times[round]);
  report(
    `  - per round, zonelint / named-checkzone: ${paired.map((ratio) => ratio.toFixed(2)).join(', ')} (median ${median(paired).toFixed(2)}); ` +
      `CPU time (median): zonelint ${fmtSeconds(z.medianCpuMs)}, named-checkzone ${fmtSeconds(n.medianCpuMs)}`,
  );
  report(`- peak RSS under 1 GiB on ${largest.label}: ${fmtMiB(z.maxRssKiB)}: ${z.maxRssKiB < 1024 * 1024 ? 'met' : 'MISSED'}`);
  if (synthetic.length >= 2) {
    const perRecord = synthetic.map((row) => ({ row, cli: row.tools.zonelint.medianMs / row.inProcess.records, parse: median(row.inProcess.parseMs) / row.inProcess.records }));
    const small = perRecord[perRecord.length - 2];
    const large = perRecord[perRecord.length - 1];
    const growth = large.parse / small.parse;
    report(
      `- linear growth, parse time per record ${small.row.label} -> ${large.row.label}: ` +
        `${(small.parse * 1000).toFixed(2)} -> ${(large.parse * 1000).toFixed(2)} µs (x${growth.toFixed(2)}); ` +
        `CLI per record ${(small.cli * 1000).toFixed(2)} -> ${(large.cli * 1000).toFixed(2)} µs (x${(large.cli / small.cli).toFixed(2)}): ` +
        `${growth < 1.5 && large.cli / small.cli < 1.5 ? 'met' : 'MISSED'} (met when both grow by less than x1.5)`,
    );
  }
}

/** Profiles the CLI on one file with --cpu-prof and prints the functions with the most self time. */
function profileLargest(entry) {
  const profileDir = path.join(dataDir, 'profiles');
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const out = openSync(path.join(dataDir, 'out', 'profile.stdout'), 'w');
  const [command, ...args] = tools[0].command(entry);
  spawnSync(command, ['--cpu-prof', '--cpu-prof-dir', profileDir, ...args], { stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  const profileFile = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (profileFile === undefined) {
    console.error('no CPU profile was written');
    return;
  }
  const profile = JSON.parse(readFileSync(path.join(profileDir, profileFile), 'utf8'));
  const modules = bundleModules(path.join(root, 'dist', 'cli.js'));
  const selfTime = new Map();
  const interval = profile.timeDeltas.reduce((a, b) => a + b, 0) / Math.max(1, profile.samples.length);
  let total = 0;
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const where = frame.url.endsWith('cli.js') ? moduleAt(modules, frame.lineNumber + 1) : frame.url === '' ? '(native)' : path.basename(frame.url);
    const key = `${frame.functionName || '(anonymous)'}  ${where}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + node.hitCount);
    total += node.hitCount;
  }
  report(`\n## CPU profile of the zonelint CLI on ${entry.label} (self time, ${path.relative(root, path.join(profileDir, profileFile))})\n`);
  report('| function | source | self | share |');
  report('|---|---|---:|---:|');
  for (const [key, hits] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    const [name, where] = key.split('  ');
    report(`| ${name} | ${where} | ${fmtSeconds((hits * interval) / 1000)} | ${((100 * hits) / total).toFixed(1)} % |`);
  }
}

/** Runs each rule alone on one file (bench/perRule.ts) and prints the costliest ones. */
function perRuleCosts(entry, script) {
  const result = spawnSync(process.execPath, ['--expose-gc', script, entry.file, entry.origin], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) {
    console.error(`per-rule measurement failed on ${entry.file}:\n${result.stderr}`);
    return;
  }
  const costs = JSON.parse(result.stdout);
  const total = costs.rules.reduce((sum, rule) => sum + rule.ms, 0);
  report(`\n## Each rule alone on ${entry.label} (${costs.records.toLocaleString('en-US')} records)\n`);
  report(`parse ${fmtSeconds(costs.parseMs)}, live heap with the parsed zone ${fmtMiB(costs.zoneHeapBytes / 1024)}; ` +
    `the lint engine alone (no rule) ${fmtSeconds(costs.engineMs)}, included in each time below; all rules ${fmtSeconds(total)}\n`);
  report('| rule | time | µs/record | heap kept by its caches | findings |');
  report('|---|---:|---:|---:|---:|');
  for (const rule of [...costs.rules].sort((a, b) => b.ms - a.ms).slice(0, 25)) {
    report(`| ${rule.id} | ${fmtSeconds(rule.ms)} | ${((rule.ms * 1000) / costs.records).toFixed(2)} | ${fmtMiB(Math.max(0, rule.keptBytes) / 1024)} | ${rule.findings.toLocaleString('en-US')} |`);
  }
}

/** Where each source module starts in the esbuild bundle: esbuild writes `// path/to/module.ts` before each one. */
function bundleModules(bundle) {
  const starts = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = /^\/\/ ((?:server|node_modules|package\.json)\S*)$/.exec(line);
      if (match !== null) starts.push({ line: index + 1, module: match[1] });
    });
  return starts;
}

function moduleAt(modules, line) {
  let found = 'dist/cli.js';
  for (const entry of modules) {
    if (entry.line > line) break;
    found = entry.module;
  }
  return found;
}

function machineDescription() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, ${fmtMiB(os.totalmem() / 1024)} RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function fmtSeconds(ms) {
  return ms < 1000 ? `${(ms / 1000).toFixed(3)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function fmtMiB(kib) {
  return `${(kib / 1024).toFixed(kib < 10 * 1024 ? 1 : 0)} MiB`;
}

function formatCount(count) {
  return count >= 1000 ? `${Math.round(count / 1000)}k` : String(count);
}

