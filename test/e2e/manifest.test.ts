// The extension manifest and its static parts: the VS Code version, the language association (by extension, name
// and first line), the grammar, the language configuration, every rule in the settings, and limited trust.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../server/src/core';
import { PROJECT_ROOT } from '../corpora';

interface SettingSchema {
  readonly type: string;
  readonly enum?: readonly string[];
  readonly markdownDescription?: string;
  readonly properties?: Readonly<Record<string, SettingSchema>>;
}

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
const language = manifest.contributes.languages[0];
const settings: Record<string, SettingSchema> = manifest.contributes.configuration.properties;

describe('extension manifest', () => {
  it('targets VS Code 1.100 (code-server 4.100.3) and starts on zone files', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.main, './dist/client.js');
    assert.deepEqual(manifest.activationEvents, ['onLanguage:dns-zone']);
  });

  it('associates .zone files and db.* names with the DNS Zone File language', () => {
    assert.equal(language.id, 'dns-zone');
    assert.equal(language.aliases[0], 'DNS Zone File');
    assert.deepEqual(language.extensions, ['.zone']);
    assert.deepEqual(language.filenamePatterns, ['db.*']);
  });

  const firstLines: { line: string; zone: boolean }[] = [
    { line: '$ORIGIN example.com.', zone: true },
    { line: '$TTL 3600', zone: true },
    { line: '$INCLUDE common.inc', zone: true },
    { line: '@ IN SOA ns1 hostmaster 1 2 3 4 5', zone: true },
    { line: 'example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. (', zone: true },
    { line: '@ 1d soa ns h 1 2 3 4 5', zone: true },
    { line: '@ IN A 192.0.2.1', zone: false },
    { line: '#!/bin/sh', zone: false },
    { line: 'SQLite format 3', zone: false },
  ];
  for (const { line, zone } of firstLines) {
    it(`${zone ? 'recognizes' : 'ignores'} a file starting ${JSON.stringify(line)}`, () => {
      assert.equal(new RegExp(language.firstLine).test(line), zone);
    });
  }

  it('has a language configuration with ; comments, () brackets, "" pairs and whole domain names as words', () => {
    const configuration = JSON.parse(readFileSync(path.join(PROJECT_ROOT, language.configuration), 'utf8'));
    assert.equal(configuration.comments.lineComment, ';');
    assert.deepEqual(configuration.brackets, [['(', ')']]);
    assert.ok(configuration.autoClosingPairs.some((pair: { open: string }) => pair.open === '"'));
    const words = 'v=DMARC1 at _dmarc.example.com. or *.example.com, 192.0.2.1'.match(new RegExp(configuration.wordPattern, 'g'));
    assert.deepEqual(words, ['v', 'DMARC1', 'at', '_dmarc.example.com.', 'or', '*.example.com', '192.0.2.1']);
  });

  it('contributes the grammar file under its scope name', () => {
    const grammar = manifest.contributes.grammars[0];
    const file = path.join(PROJECT_ROOT, grammar.path);
    assert.ok(existsSync(file));
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).scopeName, grammar.scopeName);
  });

  it('documents a severity setting for every rule', () => {
    const rules = settings['zonelint.rules'].properties ?? {};
    assert.deepEqual(ALL_RULES.map((rule) => rule.meta.id).filter((id) => rules[id] === undefined), []);
    for (const [id, schema] of Object.entries(rules)) {
      assert.deepEqual(schema.enum, ['error', 'warning', 'information', 'hint', 'off'], id);
      assert.ok(schema.markdownDescription?.includes(`docs/rules/${id}.md`), id);
    }
  });

  it('documents every setting: rules, DNS mode and server, origins, the $GENERATE cap and the trace', () => {
    assert.deepEqual(Object.keys(settings).sort(), ['zonelint.dns', 'zonelint.dnsServer', 'zonelint.generateLimit', 'zonelint.origins', 'zonelint.rules', 'zonelint.trace.server']);
    for (const [key, schema] of Object.entries(settings)) assert.ok((schema.markdownDescription ?? '').length > 20, key);
    assert.deepEqual(settings['zonelint.dns'].enum, ['live', 'off']);
    assert.deepEqual(settings['zonelint.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('contributes its commands under the zonelint category, Test SPF for an address among them', () => {
    const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
    for (const command of commands) {
      assert.match(command.command, /^zonelint\.[a-zA-Z]+$/);
      assert.equal(command.category, 'zonelint', command.command);
    }
    assert.equal(commands.find((command) => command.command === 'zonelint.testSpf')?.title, 'Test SPF for an address');
  });

  it('declares limited support for untrusted workspaces, restricting the DNS settings', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['zonelint.dns', 'zonelint.dnsServer']);
  });

  it('packages from an allowlist', () => {
    const ignore = readFileSync(path.join(PROJECT_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.equal(ignore[0], '**');
    assert.ok(ignore.slice(1).every((line) => line === '' || line.startsWith('!')));
  });
});
