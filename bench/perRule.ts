// The per-rule half of the benchmark: parses one zone file, then runs each rule alone on it and prints, as one
// JSON line, the time each rule takes and the heap it leaves behind (the caches it builds while the zone lives).
// bench/run.mjs bundles it and runs it with --expose-gc when given --per-rule.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ALL_RULES, DEFAULT_SETTINGS, ZonelintWorkspace } from '../server/src/core/index';
import { lintZone } from '../server/src/core/lint';

export interface RuleCost {
  readonly id: string;
  readonly ms: number;
  /** Growth of the live heap (after a full collection) while the rule ran: what its caches keep. */
  readonly keptBytes: number;
  readonly findings: number;
}

export interface PerRuleResult {
  readonly records: number;
  readonly parseMs: number;
  readonly zoneHeapBytes: number;
  /** The lint engine's own cost (suppressions, sorting) with no rule at all, included in every rule's time. */
  readonly engineMs: number;
  readonly rules: RuleCost[];
}

async function measure(filePath: string, origin: string | undefined): Promise<PerRuleResult> {
  const settings = { ...DEFAULT_SETTINGS, dns: 'off' as const };
  const workspace = new ZonelintWorkspace({ settings, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
  workspace.setFile(filePath, readFileSync(filePath, 'utf8'), origin);
  const parseStart = performance.now();
  const zone = workspace.zone(filePath);
  const parseMs = performance.now() - parseStart;
  if (zone === undefined) throw new Error(`could not parse ${filePath}`);
  const view = workspace.getView();
  const engineStart = performance.now();
  await lintZone({ zone, workspace: view, settings, rules: [] });
  const engineMs = performance.now() - engineStart;
  let heap = liveHeap();
  const zoneHeapBytes = heap;
  const rules: RuleCost[] = [];
  for (const rule of ALL_RULES) {
    if (rule.check === undefined) continue;
    const start = performance.now();
    const output = await lintZone({ zone, workspace: view, settings, rules: [rule] });
    const ms = performance.now() - start;
    const after = liveHeap();
    rules.push({ id: rule.meta.id, ms, keptBytes: after - heap, findings: output.diagnostics.length });
    heap = after;
  }
  return { records: zone.records.length, parseMs, zoneHeapBytes, engineMs, rules };
}

/** The heap still in use after a full collection (run node with --expose-gc, or the figure includes garbage). */
function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const [filePath, originArgument] = process.argv.slice(2);
if (filePath === undefined) {
  process.stderr.write('usage: node --expose-gc perRule.js FILE [ORIGIN|-]\n');
  process.exit(2);
}
measure(filePath, originArgument === undefined || originArgument === '-' ? undefined : originArgument).then(
  (result) => process.stdout.write(JSON.stringify(result) + '\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
