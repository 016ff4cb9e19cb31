// Fixes stay linear: every finding carries its fixes, so a zone with thousands of mail domains (each with a finding
// whose fix inserts or deletes records) must cost about ten times as much at ten times the size, not a hundred.

import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { lintText } from '../harness';
import { LINEAR_BOUND } from '../unit/properties/harness';

const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\nmail A 192.0.2.25\n';

const cases: ReadonlyArray<{ name: string; head?: string; unit: (i: number) => string; ruleId: string }> = [
  { name: 'mail domains without SPF (insert one record each)', head: '_dmarc TXT "v=DMARC1; p=reject"\n', unit: (i) => `h${i} MX 10 mail\n`, ruleId: 'mail-spf-missing' },
  { name: 'mail domains without SPF or DMARC (four inserts each)', unit: (i) => `h${i} MX 10 mail\n`, ruleId: 'mail-dmarc-missing' },
  { name: 'SPF-type records beside TXT ones (a deletion each)', unit: (i) => `h${i} SPF "v=spf1 -all"\n  TXT "v=spf1 -all"\n`, ruleId: 'spf-rr-type' },
  { name: 'long TXT strings (a split each)', unit: (i) => `h${i} TXT "${'x'.repeat(300)}"\n`, ruleId: 'zone-txt-string-too-long' },
];

async function timeLint(text: string): Promise<number> {
  const started = performance.now();
  await lintText(text);
  return performance.now() - started;
}

describe('fixes at scale', function () {
  this.timeout(120000);
  for (const testCase of cases) {
    it(`${testCase.name}: ten times the domains cost less than ${LINEAR_BOUND} times as much`, async () => {
      const zone = (count: number): string => HEAD + (testCase.head ?? '') + Array.from({ length: count }, (_, i) => testCase.unit(i)).join('');
      const small = zone(300);
      const findings = (await lintText(small)).filter((d) => d.ruleId === testCase.ruleId);
      assert.ok(findings.length >= 300, `one finding per domain, found ${findings.length}`);
      assert.ok(findings.every((d) => d.fixes.some((fix) => fix.edits.length > 0 && fix.suppression !== true)), 'each with a fix');
      const single = Math.max(20, Math.min(await timeLint(small), await timeLint(small)));
      const tenfold = await timeLint(zone(3000));
      assert.ok(tenfold < LINEAR_BOUND * single, `3000 domains took ${tenfold.toFixed(0)} ms, 300 took ${single.toFixed(0)} ms`);
    });
  }
});
