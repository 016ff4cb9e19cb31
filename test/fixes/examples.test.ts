// Every finding of the example zones and the editor fixture workspace, fixed both ways: its preferred fix and its
// "Disable <id> for this line" fix are applied one at a time, and a second lint must show the finding gone and no
// new error.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../corpora';
import { FIXTURE_WORKSPACE } from '../fixtures/workspace';
import type { Fix } from '../../server/src/core/edit/textEdit';
import { lintText } from '../harness';
import { applyFix, assertNoNewErrors } from './harness';

interface Workspace {
  readonly main: string;
  readonly files: Readonly<Record<string, string>>;
}

/** The files of a folder under a path the test host may read, keyed by that path. */
function folderFiles(folder: string, mountedAt: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.zone') || name.endsWith('.inc')) files[path.posix.join(mountedAt, name)] = readFileSync(path.join(folder, name), 'utf8');
  }
  return files;
}

const examples = folderFiles(path.join(PROJECT_ROOT, 'examples'), '/work/examples');
const fixture = folderFiles(FIXTURE_WORKSPACE, '/work/fixture');
const workspaces: Workspace[] = [
  ...Object.keys(examples).map((main) => ({ main, files: examples })),
  ...Object.keys(fixture).filter((file) => file.endsWith('.zone')).map((main) => ({ main, files: fixture })),
];

describe('every finding of the example zones, fixed', () => {
  for (const workspace of workspaces) {
    it(path.basename(workspace.main) + ` (${path.dirname(workspace.main)})`, async function () {
      this.timeout(20000);
      const { [workspace.main]: text, ...others } = workspace.files;
      const options = { path: workspace.main, origin: undefined, files: others };
      const before = await lintText(text, options);
      let checked = 0;
      for (const diagnostic of before) {
        const fixes = diagnostic.fixes.filter((fix) => fix.edits.length > 0 && (fix.isPreferred === true || fix.suppression === true));
        for (const fix of fixes) {
          await checkFixed({ fix, ruleId: diagnostic.ruleId, workspace, before });
          checked++;
        }
      }
      assert.ok(before.length === 0 || checked >= before.length, `only ${checked} fixes for ${before.length} findings`);
    });
  }
});

async function checkFixed(options: { fix: Fix; ruleId: string; workspace: Workspace; before: Awaited<ReturnType<typeof lintText>> }): Promise<void> {
  const { fix, ruleId, workspace, before } = options;
  const files = applyFix(fix, workspace.files);
  const { [workspace.main]: text, ...others } = files;
  const after = await lintText(text, { path: workspace.main, origin: undefined, files: others });
  const count = (list: typeof before): number => list.filter((d) => d.ruleId === ruleId).length;
  assert.ok(count(after) < count(before), `"${fix.title}" left its ${ruleId} finding`);
  assertNoNewErrors(before, after, fix.title);
}
