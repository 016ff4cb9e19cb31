// `npm test`: installs the Debian tools the tests drive when they are missing, type-checks and compiles the
// project, bundles it, then runs every mocha tier in one run and ends with the line `tests: N passed, N failed`.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './debian.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

ensureDebianPackages();

run('npx', ['tsc', '-p', '.']);
run('node', ['esbuild.mjs']);

const { default: Mocha } = await import('mocha');
const mocha = new Mocha({ timeout: 60000, reporter: 'spec' });
const grep = process.env.ZONELINT_TEST_GREP;
if (grep) mocha.grep(grep);
for (const file of listTests(path.join(root, 'out', 'test'))) mocha.addFile(file);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
  console.log(`tests: ${passes} passed, ${failed} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
});

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.log(`${command} ${args.join(' ')} failed`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

function listTests(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files.push(...listTests(full));
    else if (name.endsWith('.test.js')) files.push(full);
  }
  return files;
}

