// Rewrites the rule list of README.md (between the `rules:start` and `rules:end` markers) from the compiled rule
// registry, so the README always lists exactly the rules zonelint has. Run after `tsc -p .` (npm run readme).

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { ALL_RULES } = require(path.join(root, 'out', 'server', 'src', 'core', 'rules', 'index.js'));

export function rulesSection(rules) {
  const lines = ['| rule | default | what it reports |', '|---|---|---|'];
  for (const rule of rules) lines.push(`| [\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md) | ${rule.meta.defaultSeverity} | ${rule.meta.summary.replace(/\|/g, '\\|')} |`);
  return lines.join('\n');
}

const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${rulesSection(ALL_RULES)}\n$2`);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md rule list is out of date: run npm run readme');
    process.exit(1);
  }
} else writeFileSync(readmePath, updated);
