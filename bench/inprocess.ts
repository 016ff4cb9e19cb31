// The in-process half of the benchmark: times zonelint's parse and its rules separately on one zone file, inside
// one Node process, and prints the figures as one JSON line. bench/run.mjs bundles it and runs it as a child
// process, so every file is measured in a fresh heap.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../server/src/core/index';

export interface InProcessResult {
  readonly records: number;
  readonly findings: number;
  /** Milliseconds for each run of the parse alone (lexer, names, rdata, directives). */
  readonly parseMs: number[];
  /** Milliseconds for each run of the rules on the parsed zone. */
  readonly lintMs: number[];
  /** Heap in use after the last run, with the zone still alive (what an editor keeps for an open file). */
  readonly heapUsedBytes: number;
}

async function measure(filePath: string, origin: string | undefined, runs: number): Promise<InProcessResult> {
  const text = readFileSync(filePath, 'utf8');
  const workspace = new ZonelintWorkspace({
    settings: { ...DEFAULT_SETTINGS, dns: 'off' },
    dns: 'off',
    // The benchmark zones include nothing; refusing every include keeps the measurement about the one file.
    host: { readFile: () => undefined, mayRead: () => false },
    // As the CLI lints: its findings keep no fixes, which it never prints.
    withoutFixes: true,
  });
  const parseMs: number[] = [];
  const lintMs: number[] = [];
  let records = 0;
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    // Dropping the file forgets its parsed zone, so each run parses the text again from scratch.
    workspace.deleteFile(filePath);
    collectGarbage();
    workspace.setFile(filePath, text, origin);
    const parseStart = performance.now();
    const zone = workspace.zone(filePath);
    const parseEnd = performance.now();
    const output = await workspace.lint(filePath);
    const lintEnd = performance.now();
    parseMs.push(parseEnd - parseStart);
    lintMs.push(lintEnd - parseEnd);
    records = zone?.records.length ?? 0;
    findings = output.diagnostics.length;
  }
  collectGarbage();
  return { records, findings, parseMs, lintMs, heapUsedBytes: process.memoryUsage().heapUsed };
}

/** Runs a full collection between runs when node was started with --expose-gc, so runs do not pay for each other. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}

const [filePath, originArgument, runsArgument] = process.argv.slice(2);
if (filePath === undefined) {
  process.stderr.write('usage: node inprocess.js FILE [ORIGIN|-] [RUNS]\n');
  process.exit(2);
}
measure(filePath, originArgument === undefined || originArgument === '-' ? undefined : originArgument, Number(runsArgument ?? '3')).then(
  (result) => process.stdout.write(JSON.stringify(result) + '\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
