// Packaging: `npm run package` makes a .vsix with vsce 3 that holds the two bundles, the grammar, the language
// configuration, the snippets, the manifest and the README, and nothing else: no sources, tests, corpora or
// node_modules.

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import type { Sandbox } from './support/sandbox';
import { createSandbox } from './support/sandbox';
import { listZip, packageExtension } from './support/vsix';

/** The package is the two esbuild bundles and a few small files; far more means something leaked in. */
const MAX_VSIX_BYTES = 1024 * 1024;
const REQUIRED_FILES = [
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/language-configuration.json',
  'extension/package.json',
  'extension/readme.md',
  'extension/snippets/zone.json',
  'extension/syntaxes/dns-zone.tmLanguage.json',
];
/** vsce adds these when the project has them (LICENSE becomes LICENSE.txt). */
const OPTIONAL_FILES = ['extension/LICENSE.txt', 'extension/changelog.md'];

describe('the .vsix package', function () {
  this.timeout(120000);
  let sandbox: Sandbox;
  let files: string[];
  let vsix: string;

  before(() => {
    sandbox = createSandbox('package');
    vsix = packageExtension(sandbox);
    files = listZip(vsix).map((entry) => entry.name);
  });

  after(() => sandbox.dispose());

  it('holds the extension files, and only those', () => {
    const extensionFiles = files.filter((name) => name.startsWith('extension/'));
    assert.deepEqual(REQUIRED_FILES.filter((name) => !extensionFiles.includes(name)), [], 'missing');
    assert.deepEqual(extensionFiles.filter((name) => !REQUIRED_FILES.includes(name) && !OPTIONAL_FILES.includes(name)), [], 'unexpected');
  });

  const forbidden: { what: string; pattern: RegExp }[] = [
    { what: 'TypeScript sources', pattern: /\.ts$/ },
    { what: 'source maps', pattern: /\.map$/ },
    { what: 'tests', pattern: /(^|\/)(test|out)\// },
    { what: 'corpora', pattern: /corpora/ },
    { what: 'dependencies', pattern: /node_modules\// },
    { what: 'zone files', pattern: /\.zone$/ },
  ];
  for (const { what, pattern } of forbidden) {
    it(`holds no ${what}`, () => {
      assert.deepEqual(files.filter((name) => pattern.test(name)), []);
    });
  }

  it(`is smaller than ${MAX_VSIX_BYTES / 1024} KB`, () => {
    const size = statSync(vsix).size;
    assert.ok(size < MAX_VSIX_BYTES, `${size} bytes`);
  });
});
