// The RFC 7208 suite through the zone-file path: each scenario's derived zone is linted by the CLI with DNS off,
// and the SPF findings at each tested domain must be exactly those its expected permerror calls for.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPath, PROJECT_ROOT } from '../corpora';

/** The rule ids a permerror of the suite can stand for (issue: the zone-file path of the RFC 7208 suite). */
const PERMERROR_RULES = ['spf-syntax', 'spf-multiple-records', 'spf-lookup-limit', 'spf-void-lookup-limit', 'spf-mx-ptr-limit', 'spf-loop', 'spf-include-target'];

/** Which rule each processing-limit test of the suite is about. */
const LIMIT_RULES: Record<string, string> = {
  'redirect-loop': 'spf-loop',
  'include-loop': 'spf-loop',
  'mech-over-limit': 'spf-lookup-limit',
  'include-over-limit': 'spf-lookup-limit',
  'mx-limit': 'spf-mx-ptr-limit',
  'void-over-limit': 'spf-void-lookup-limit',
};

/**
 * Tests whose expected result depends on evaluation order: zonelint counts the worst case and flags them, as
 * docs/rules/spf-lookup-limit.md explains.
 */
const WORST_CASE_FLAGGED: Record<string, string> = {
  'include-at-limit': 'spf-lookup-limit',
};

/**
 * Where the zone file cannot say what the suite's DNS data says, zonelint reports what the zone file means, with the
 * reason. Each entry gives the permerror rules expected at the tested domain.
 */
const ZONE_FILE_DIFFERENCES: Record<string, { rules: string[]; reason: string }> = {
  multispf1: {
    rules: [],
    reason: 'the two SPF records are identical, and identical records in a zone file are one record once loaded (zone-duplicate-record reports the copy)',
  },
  'include-temperror': {
    rules: ['spf-include-target'],
    reason: 'the include target times out in the suite; a zone file cannot time out, so the target simply has no SPF record',
  },
};

/** The limit rules: a record over one limit is often over another too, and receivers stop at whichever comes first. */
const LIMIT_FAMILY = ['spf-lookup-limit', 'spf-void-lookup-limit', 'spf-mx-ptr-limit', 'spf-loop'];

interface FlatTest {
  readonly id: string;
  readonly zone_file: string;
  readonly checked_domain: string;
  readonly lint_category: string;
  readonly spf_records_at_checked_domain: readonly string[];
}

function expectedRules(test: FlatTest): { required: string[]; optional: boolean } {
  const difference = ZONE_FILE_DIFFERENCES[test.id];
  if (difference !== undefined) return { required: difference.rules, optional: false };
  if (WORST_CASE_FLAGGED[test.id]) return { required: [WORST_CASE_FLAGGED[test.id]], optional: false };
  switch (test.lint_category) {
    case 'error:syntax':
      return { required: ['spf-syntax'], optional: false };
    case 'error:multiple-spf-records':
      return { required: ['spf-multiple-records'], optional: false };
    case 'error:lookup-limit':
      return { required: [LIMIT_RULES[test.id]], optional: false };
    case 'error:include-or-redirect-target':
      return { required: ['spf-include-target'], optional: false };
    // The suite allows fail or permerror for these names: a finding is fine, and so is none.
    case 'warn-or-error:invalid-target-name':
      return { required: [], optional: true };
    default:
      return { required: [], optional: false };
  }
}

/** Owner of each line of a derived zone (one record per line, owner in the first column). */
function ownersByLine(text: string): string[] {
  return text.split('\n').map((line) => (line.startsWith(';') || line.startsWith('$') ? '' : (line.split(/\s+/)[0] ?? '').toLowerCase()));
}

describe('RFC 7208 suite through zone files (pyspf derived zones, CLI with --dns off)', function () {
  this.timeout(120000);
  const flat = JSON.parse(readFileSync(corpusPath('pyspf', 'derived', 'rfc7208-tests.flat.json'), 'utf8')) as { tests: FlatTest[] };
  const zoneFiles = [...new Set(flat.tests.map((test) => test.zone_file))];
  const findingsByZone = new Map<string, Map<string, Set<string>>>();

  before(() => {
    // One run per scenario: every derived zone has the root as its origin and reuses the same names, so linting
    // them together would let one scenario answer another's lookups.
    for (const zoneFile of zoneFiles) {
      const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'zonelint.js'), '--dns', 'off', '--format', 'json', corpusPath('pyspf', zoneFile)], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const output = JSON.parse(run.stdout) as { files: { diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[] };
      const owners = ownersByLine(readFileSync(corpusPath('pyspf', zoneFile), 'utf8'));
      const byDomain = new Map<string, Set<string>>();
      for (const diagnostic of output.files[0].diagnostics) {
        if (!PERMERROR_RULES.includes(diagnostic.code) || diagnostic.severity !== 'error') continue;
        const owner = owners[diagnostic.range.start.line].replace(/\.$/, '');
        if (!byDomain.has(owner)) byDomain.set(owner, new Set());
        byDomain.get(owner)!.add(diagnostic.code);
      }
      findingsByZone.set(zoneFile, byDomain);
    }
  });

  for (const test of flat.tests) {
    it(`${test.id} (${test.lint_category})`, () => {
      const found = findingsByZone.get(test.zone_file)?.get(test.checked_domain.toLowerCase()) ?? new Set<string>();
      const { required, optional } = expectedRules(test);
      for (const rule of required) assert.ok(found.has(rule), `expected ${rule} at ${test.checked_domain}, found ${[...found].join(', ') || 'nothing'}`);
      if (optional) return;
      // Another test may target the same domain for another reason; only unexplained permerror rules fail here.
      const allowed = new Set(flat.tests.filter((other) => other.zone_file === test.zone_file && other.checked_domain.toLowerCase() === test.checked_domain.toLowerCase()).flatMap((other) => expectedRules(other).required));
      if (test.lint_category === 'error:lookup-limit') for (const rule of LIMIT_FAMILY) allowed.add(rule);
      const unexpected = [...found].filter((rule) => !allowed.has(rule));
      assert.deepEqual(unexpected, [], `unexpected findings at ${test.checked_domain}`);
    });
  }
});
