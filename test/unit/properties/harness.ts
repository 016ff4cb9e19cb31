// Shared pieces of the property tests: an in-memory workspace that parses and lints zone text through the core,
// the span invariants every parse must keep, and the realistic zone snippets the mutation tests start from.

import assert from 'node:assert/strict';
import type { Diagnostic, Span, Zone } from '../../../server/src/core/index';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../../../server/src/core/index';

/** Folder of the in-memory workspace; `$INCLUDE` may read files under it and nothing else. */
export const WORKSPACE = '/zones';
export const MAIN_FILE = `${WORKSPACE}/example.com.zone`;

export interface Linted {
  readonly zone: Zone;
  readonly diagnostics: readonly Diagnostic[];
  readonly internalErrors: readonly string[];
  /** Every path the core asked the host to read. */
  readonly reads: readonly string[];
}

/** Parses and lints `text` as MAIN_FILE with DNS off; `others` are further files of the in-memory workspace. */
export async function lintText(text: string, others: Readonly<Record<string, string>> = {}): Promise<Linted> {
  const files: Record<string, string> = { ...others, [MAIN_FILE]: text };
  const reads: string[] = [];
  const workspace = new ZonelintWorkspace({
    settings: { ...DEFAULT_SETTINGS, dns: 'off' },
    dns: 'off',
    host: {
      readFile: (filePath) => {
        reads.push(filePath);
        return files[filePath];
      },
      mayRead: (filePath) => filePath.startsWith(`${WORKSPACE}/`),
    },
  });
  workspace.setFile(MAIN_FILE, text);
  const output = await workspace.lint(MAIN_FILE);
  return { zone: output.zone, diagnostics: output.diagnostics, internalErrors: output.internalErrors, reads };
}

/** Asserts that a span lies inside a text of `length` UTF-16 units and does not run backwards. */
export function assertSpanInside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span ${JSON.stringify(span)} is not integral`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: span ${span.start}-${span.end} outside 0-${length}`);
}

/**
 * Checks the invariants the editor relies on: every record, comment, parse finding and diagnostic (with its
 * related locations) points inside the text of its own file, with start <= end, and no rule crashed.
 */
export function assertWellFormed(linted: Linted): void {
  const { zone } = linted;
  assert.deepEqual(linted.internalErrors, [], 'a rule threw');
  const known = new Set(zone.files);
  for (const record of zone.records) {
    assert.ok(known.has(record.file), `record of ${record.owner} names a file outside the zone`);
    for (const [where, span] of spansIn(record, 'record')) assertSpanInside(span, record.file.text.length, `${where} of ${record.owner}`);
  }
  for (const [file, comments] of zone.comments) {
    for (const comment of comments) assertSpanInside(comment.span, file.text.length, 'comment');
  }
  for (const finding of zone.parseFindings) {
    assert.ok(known.has(finding.location.file), `${finding.ruleId} finding names a file outside the zone`);
    assertSpanInside(finding.location.span, finding.location.file.text.length, `${finding.ruleId} finding`);
  }
  for (const diagnostic of linted.diagnostics) {
    assertSpanInside(diagnostic.span, diagnostic.file.text.length, `${diagnostic.ruleId} diagnostic`);
    for (const related of diagnostic.related) {
      assertSpanInside(related.location.span, related.location.file.text.length, `${diagnostic.ruleId} related location`);
    }
  }
}

/**
 * Every `{start, end}` object reachable from a record (its own spans and those inside its data), so spans that
 * new rdata kinds add are checked without listing them here. The file and the wire form are not searched.
 */
function spansIn(value: unknown, where: string, depth = 0): [string, Span][] {
  if (value === null || typeof value !== 'object' || depth > 6 || ArrayBuffer.isView(value)) return [];
  const object = value as Record<string, unknown>;
  if (typeof object.start === 'number' && typeof object.end === 'number') return [[where, object as unknown as Span]];
  const found: [string, Span][] = [];
  for (const [key, child] of Object.entries(object)) {
    if (key === 'file') continue;
    found.push(...spansIn(child, `${where}.${key}`, depth + 1));
  }
  return found;
}

/**
 * The least of `tries` timings of `work`, in milliseconds of CPU time used by this process: unlike wall time, it
 * does not grow when other processes share the machine, and the least run is the one least disturbed by GC.
 */
export async function bestTime(work: () => Promise<unknown>, tries = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * Below this many milliseconds the clock, the JIT and one garbage collection of the larger heap dominate a timing,
 * so smaller ones count as this (a CI run measured 6 ms for one copy and 186 ms for ten of a linear input). A
 * quadratic step still fails: it makes ten copies cost a hundred times one, far above 30 times this floor.
 */
const TIMING_FLOOR_MS = 15;
/** Linear work on ten copies costs about ten times one copy; a quadratic step costs about a hundred times. */
export const LINEAR_BOUND = 30;

/**
 * Times the lint of `unit` repeated to at least `minLength` characters (one copy) and of ten such copies, and
 * returns both with their ratio. The ten copies are timed until one run stays within LINEAR_BOUND (at most three
 * runs), and not again once a run is so slow that no noise explains it, which keeps a quadratic case short.
 */
export async function tenfoldCost(unit: string, minLength: number): Promise<{ single: number; tenfold: number; ratio: number }> {
  const once = unit.repeat(Math.ceil(minLength / Math.max(1, unit.length)));
  const tenTimes = once.repeat(10);
  const single = Math.max(TIMING_FLOOR_MS, await bestTime(() => lintText(once, INCLUDED)));
  let tenfold = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    tenfold = Math.min(tenfold, await bestTime(() => lintText(tenTimes, INCLUDED), 1));
    if (tenfold < LINEAR_BOUND * single || tenfold > 4 * LINEAR_BOUND * single) break;
  }
  return { single, tenfold, ratio: tenfold / single };
}

/** Realistic zone text in the shapes the parser must handle: multi-line SOA, TXT, escapes, directives, RFC 3597. */
export const SNIPPETS: readonly string[] = [
  `$ORIGIN example.com.
$TTL 3600
@   IN SOA ns1.example.com. hostmaster.example.com. (
        2024061001 ; serial
        7200 3600 1209600 300 )
    IN NS  ns1
    IN NS  ns2.example.net.
ns1 IN A   192.0.2.53
    IN AAAA 2001:db8::53
@   IN MX  10 mail
mail IN A  192.0.2.25
www IN CNAME @
`,
  `@ IN TXT "v=spf1 include:spf.protection.outlook.com ip4:198.51.100.25 -all"
_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.com"
s1._domainkey IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"
                       "6KosN1m6ruH142sWesBarmLZbxNdRUGjnFJ1nyJR8nUFQjcwT5gu5Pb388MnBCuR" )
old._domainkey IN TXT v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3
quote IN TXT "say \\"hi\\"" "a\\;b" "\\065\\066" "line1\\
line2"
`,
  `$TTL 1h30m
$GENERATE 1-20 host-\${0,3,d} A 192.0.2.$
$GENERATE 1-4/2 rev$ PTR host-$.example.com.
$INCLUDE included.zone sub
$INCLUDE example.com.zone
unknown IN TYPE65400 \\# 4 0a000001
blob IN A \\# 4 c0000202
srv._tcp IN SRV 10 5 443 www
caa IN CAA 0 issue "letsencrypt.org"
`,
  `; zonelint-disable-next-line zone-ttl-mismatch
vpn 300 IN A 192.0.2.40
vpn 3600 IN A 192.0.2.41
; zonelint-disable zone-duplicate-record
dup IN A 192.0.2.9
dup IN A 192.0.2.9
; zonelint-enable zone-duplicate-record
$ORIGIN sub.example.com.
    IN A 192.0.2.60
my_host IN A 192.0.2.61
`,
];

/** The file the snippets' `$INCLUDE included.zone` reads. */
export const INCLUDED = {
  [`${WORKSPACE}/included.zone`]: `www IN A 192.0.2.80\n$INCLUDE example.com.zone\n`,
};
