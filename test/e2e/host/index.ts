// The entry point code-server's test runner loads in the extension host (the `extensionTestsPath` of the payload):
// runs every `*.spec.js` beside it with mocha and fails when a test fails.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/** Lines between these two markers in the extension host's console are the suites' report. */
export const REPORT_BEGIN = '=== zonelint extension-host tests ===';
export const REPORT_END = '=== end of zonelint extension-host tests ===';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.spec.js')).sort()) mocha.addFile(path.join(__dirname, file));
  console.log(REPORT_BEGIN);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(REPORT_END);
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
  });
}
