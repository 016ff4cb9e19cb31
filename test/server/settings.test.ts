// The settings the server lints and fixes with, from the editor's `zonelint.*` settings and the project's
// `.zonelint.json`: here the `bumpSerialOnFix` switch, which the code actions and generators read.

import assert from 'node:assert/strict';
import { effectiveSettings } from '../../server/src/settings';

describe('server settings: bumpSerialOnFix', () => {
  const cases: { name: string; editor: unknown; projectFile: unknown; bump: boolean; problems: string[] }[] = [
    { name: 'is off by default', editor: undefined, projectFile: undefined, bump: false, problems: [] },
    { name: 'is read from the editor settings', editor: { bumpSerialOnFix: true }, projectFile: undefined, bump: true, problems: [] },
    { name: 'is overridden by .zonelint.json', editor: { bumpSerialOnFix: true }, projectFile: { bumpSerialOnFix: false }, bump: false, problems: [] },
    { name: 'keeps the editor value when .zonelint.json leaves it out', editor: { bumpSerialOnFix: true }, projectFile: { dns: 'off' }, bump: true, problems: [] },
    { name: 'reports a value that is not a boolean and keeps the default', editor: { bumpSerialOnFix: 'yes' }, projectFile: undefined, bump: false, problems: ['setting zonelint.bumpSerialOnFix: must be true or false'] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { settings, problems } = effectiveSettings({ editor: testCase.editor, projectFile: testCase.projectFile, trusted: true });
      assert.equal(settings.bumpSerialOnFix, testCase.bump);
      assert.deepEqual(problems, testCase.problems);
    });
  }
});
