// Every rdata case of the BIND tables: accepted cases must give BIND's wire bytes (also when fed back in
// RFC 3597 form), rejected cases must give an error issue and no wire form.

import assert from 'node:assert/strict';
import type { BindCase } from './bind-case';
import { genericForm, hex, readLine } from './bind-case';
import { DNSSEC_CASES } from './bind-dnssec';
import { HOT_CASES } from './bind-hot';
import { OTHER_CASES } from './bind-other';

const TABLES: ReadonlyArray<readonly [string, readonly BindCase[]]> = [
  ['hot types', HOT_CASES],
  ['DNSSEC types', DNSSEC_CASES],
  ['other types', OTHER_CASES],
];

for (const [title, cases] of TABLES) {
  describe(`rdata against named-checkzone 9.18: ${title}`, () => {
    for (const testCase of cases) {
      if ('wire' in testCase) {
        it(`accepts ${testCase.rdata}`, () => {
          const read = readLine(testCase.rdata);
          assert.ok(read, 'the type is known');
          assert.deepEqual(read.result.issues.filter((issue) => issue.severity !== 'warning'), []);
          assert.equal(hex(read.result.wire), testCase.wire);
          assert.ok(read.result.data);
          const generic = readLine(genericForm(testCase.rdata, testCase.wire));
          assert.ok(generic);
          assert.deepEqual(generic.result.issues, [], `RFC 3597 form of BIND's wire is accepted`);
          assert.equal(hex(generic.result.wire), testCase.wire);
        });
      } else {
        it(`rejects ${testCase.rdata} (BIND: ${testCase.bind})`, () => {
          const read = readLine(testCase.rdata);
          if (read === undefined) return;
          assert.equal(read.result.wire, undefined);
          assert.equal(read.result.data, undefined);
          assert.ok(read.result.issues.some((issue) => issue.severity === undefined), 'an error issue is reported');
        });
      }
    }
  });
}
