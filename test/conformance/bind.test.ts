// Conformance with BIND 9.18: on every zone of BIND's checkzone corpus and NSD's test zones, zonelint and
// named-checkzone must agree on accept versus reject, and for zones both accept, load the same records as
// named-compilezone prints. Each remaining difference is listed, with its reason, in known-differences.json;
// an unlisted difference fails, and so does a listed one that no longer differs.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPORA_ROOT, PROJECT_ROOT } from '../corpora';
import { bindCheckzoneCases, nsdCases } from './cases';
import type { ConformanceCase } from './oracle';
import { canonicalFromBindOutput, canonicalRecords, compileWithBind, runCheckzone, runZonelint } from './oracle';

interface KnownDifferences {
  /** Case id to the reason zonelint and named-checkzone disagree on accept versus reject. */
  readonly verdict: Record<string, string>;
  /** Case id to the reason the loaded records differ although both accept. */
  readonly records: Record<string, string>;
}

const known = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'conformance', 'known-differences.json'), 'utf8')) as KnownDifferences;

interface Outcome {
  readonly id: string;
  readonly bindAccepts: boolean;
  readonly zonelintAccepts: boolean;
  readonly recordsCompared: boolean;
  readonly recordsEqual: boolean;
  readonly detail: string;
}

async function check(c: ConformanceCase): Promise<Outcome> {
  const bind = runCheckzone(c);
  const ours = await runZonelint(c, CORPORA_ROOT);
  let recordsCompared = false;
  let recordsEqual = true;
  let detail = '';
  if (!bind.accepted || !ours.accepted) {
    detail = `named-checkzone: ${bind.accepted ? 'accepts' : 'rejects'} (${firstLines(bind.output)}); zonelint: ${ours.accepted ? 'accepts' : 'rejects'} (${ours.errors
      .slice(0, 3)
      .map((d) => `${d.ruleId} line ${d.file.positionAt(d.span.start).line + 1}: ${d.message}`)
      .join(' | ')})`;
  } else {
    recordsCompared = true;
    const theirs = canonicalFromBindOutput(compileWithBind(c), c.origin);
    const mine = canonicalRecords(ours.zone);
    const onlyTheirs = theirs.filter((line) => !mine.includes(line));
    const onlyMine = mine.filter((line) => !theirs.includes(line));
    recordsEqual = onlyTheirs.length === 0 && onlyMine.length === 0;
    if (!recordsEqual) detail = `only in BIND: ${onlyTheirs.slice(0, 3).join(' ; ')} | only in zonelint: ${onlyMine.slice(0, 3).join(' ; ')}`;
  }
  return { id: c.id, bindAccepts: bind.accepted, zonelintAccepts: ours.accepted, recordsCompared, recordsEqual, detail };
}

function firstLines(output: string): string {
  return output
    .split('\n')
    .filter((line) => line && !line.includes('loaded serial') && line !== 'OK' && !line.includes('not loaded due to errors'))
    .slice(0, 2)
    .join(' | ');
}

describe('conformance with named-checkzone 9.18', function () {
  this.timeout(600000);
  const outcomes: Outcome[] = [];

  for (const [corpus, cases] of [
    ['bind9 checkzone', bindCheckzoneCases()],
    ['nsd-tpkg', nsdCases()],
  ] as const) {
    describe(corpus, () => {
      for (const c of cases) {
        it(c.id, async () => {
          const outcome = await check(c);
          outcomes.push(outcome);
          const verdictDiffers = outcome.bindAccepts !== outcome.zonelintAccepts;
          const recordsDiffer = outcome.recordsCompared && !outcome.recordsEqual;
          if (verdictDiffers) assert.ok(known.verdict[c.id], `accept/reject differs and is not listed in known-differences.json: ${outcome.detail}`);
          else assert.ok(!known.verdict[c.id], `listed as a verdict difference but both now ${outcome.bindAccepts ? 'accept' : 'reject'}: remove it from known-differences.json`);
          if (recordsDiffer) assert.ok(known.records[c.id], `records differ and are not listed in known-differences.json: ${outcome.detail}`);
          else assert.ok(!known.records[c.id], 'listed as a record difference but the records now agree (or were not compared): remove it');
        });
      }
    });
  }

  after(() => {
    const total = outcomes.length;
    const agree = outcomes.filter((o) => o.bindAccepts === o.zonelintAccepts).length;
    const compared = outcomes.filter((o) => o.recordsCompared);
    const same = compared.filter((o) => o.recordsEqual).length;
    const summary = { zones: total, verdictAgreement: agree, recordComparisons: compared.length, recordsIdentical: same };
    mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'test-results', 'conformance.json'), JSON.stringify({ summary, outcomes }, null, 2));
    console.log(`      conformance: accept/reject agree on ${agree}/${total} zones; records identical on ${same}/${compared.length} zones both accept`);
  });
});
