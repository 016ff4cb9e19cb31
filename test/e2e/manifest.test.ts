// The extension manifest and its static parts: the VS Code version, the language association (by extension, name
// and first line), the grammar, the language configuration, every rule in the settings, the commands and where the
// palette shows them, the snippets, and limited trust.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../server/src/core';
import { CLIENT_COMMANDS } from '../../server/src/core/generators/requests';
import { PROJECT_ROOT } from '../corpora';

interface SettingSchema {
  readonly type: string;
  readonly default?: unknown;
  readonly scope?: string;
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

  it('documents every setting: rules, DNS mode and server, origins, the $GENERATE cap, the serial bump and the trace', () => {
    assert.deepEqual(Object.keys(settings).sort(), [
      'zonelint.bumpSerialOnFix',
      'zonelint.dns',
      'zonelint.dnsServer',
      'zonelint.generateLimit',
      'zonelint.origins',
      'zonelint.rules',
      'zonelint.trace.server',
    ]);
    for (const [key, schema] of Object.entries(settings)) assert.ok((schema.markdownDescription ?? '').length > 20, key);
    assert.deepEqual(settings['zonelint.dns'].enum, ['live', 'off']);
    assert.deepEqual(settings['zonelint.trace.server'].enum, ['off', 'messages', 'verbose']);
    const bump = settings['zonelint.bumpSerialOnFix'];
    assert.deepEqual([bump.type, bump.default, bump.scope], ['boolean', false, 'resource']);
  });

  it('contributes its commands under the zonelint category, Test SPF for an address among them', () => {
    const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
    for (const command of commands) {
      assert.match(command.command, /^zonelint\.[a-zA-Z0-9]+$/);
      assert.equal(command.category, 'zonelint', command.command);
    }
    assert.equal(commands.find((command) => command.command === 'zonelint.testSpf')?.title, 'Test SPF for an address');
  });

  const generators: { command: string; title: string }[] = [
    { command: CLIENT_COMMANDS.addDmarcRecord, title: 'Add DMARC record' },
    { command: CLIENT_COMMANDS.addSpfRecord, title: 'Add SPF record' },
    { command: CLIENT_COMMANDS.addMicrosoft365Dkim, title: 'Add Microsoft 365 DKIM records' },
    { command: CLIENT_COMMANDS.addDkimKeyRecord, title: 'Add DKIM key record' },
    { command: CLIENT_COMMANDS.makeNoMail, title: 'Make this domain no-mail' },
    { command: CLIENT_COMMANDS.bumpSerial, title: 'Bump SOA serial' },
  ];
  it('shows the six generators in the palette only in zone files, and hides the commands quick fixes run', () => {
    const commands: { command: string; title: string }[] = manifest.contributes.commands;
    const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
    const whenOf = (command: string): string | undefined => palette.find((entry) => entry.command === command)?.when;
    for (const generator of generators) {
      assert.equal(commands.find((command) => command.command === generator.command)?.title, generator.title, generator.command);
      assert.equal(whenOf(generator.command), 'editorLangId == dns-zone', generator.command);
    }
    for (const hidden of [CLIENT_COMMANDS.copyRecord, CLIENT_COMMANDS.selectPlaceholder]) {
      assert.ok(commands.some((command) => command.command === hidden), `${hidden} is not contributed`);
      assert.equal(whenOf(hidden), 'false', hidden);
    }
    const contributed = new Set(commands.map((command) => command.command));
    assert.deepEqual(palette.filter((entry) => !contributed.has(entry.command)), [], 'palette entries for commands not contributed');
  });

  it('contributes the zone snippets, a readable snippet file for the dns-zone language', () => {
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'dns-zone', path: './snippets/zone.json' }]);
    const snippets: Record<string, { prefix: string | string[]; body: string | string[] }> = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'snippets', 'zone.json'), 'utf8'));
    assert.ok(Object.keys(snippets).length > 0);
    for (const [name, snippet] of Object.entries(snippets)) assert.ok(snippet.prefix.length > 0 && snippet.body.length > 0, name);
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
