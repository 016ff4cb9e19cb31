// The output writers on their own: every shape the documented JSON can take (no files, a file without diagnostics,
// an unknown origin, related information), in its layout: the file list indented, one compact line per diagnostic;
// and the positions the JSON and text outputs print, against SourceFile.positionAt.

import assert from 'node:assert/strict';
import type { FileReport, OutputFormat } from '../../server/src/cli/format';
import { writeReports } from '../../server/src/cli/format';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../../server/src/core/index';

async function reportsOf(text: string): Promise<FileReport[]> {
  const workspace = new ZonelintWorkspace({ settings: { ...DEFAULT_SETTINGS, dns: 'off' }, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
  workspace.setFile('/work/zones/example.com.zone', text);
  const output = await workspace.lint('/work/zones/example.com.zone');
  return [{ path: '/work/zones/example.com.zone', origin: output.zone.origin, diagnostics: output.diagnostics }];
}

/** The layout the writer promises, built from the parsed value in one piece. */
function layout(value: { files: { path: string; origin: string | null; diagnostics: unknown[] }[] }): string {
  const files = value.files.map((file) => {
    const diagnostics = file.diagnostics.length === 0 ? '[]' : `[\n${file.diagnostics.map((d) => `        ${JSON.stringify(d)}`).join(',\n')}\n      ]`;
    return `    {\n      "path": ${JSON.stringify(file.path)},\n      "origin": ${JSON.stringify(file.origin)},\n      "diagnostics": ${diagnostics}\n    }`;
  });
  return `{\n  "version": 1,\n  "files": ${files.length === 0 ? '[]' : `[\n${files.join(',\n')}\n  ]`}\n}\n`;
}

function written(reports: readonly FileReport[], cwd: string, format: OutputFormat = 'json'): { text: string; chunks: number } {
  const chunks: Buffer[] = [];
  writeReports(reports, format, { cwd, version: '0.0.0', write: (chunk) => chunks.push(chunk) });
  return { text: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length };
}

const ZONE = ['$TTL 300', '@ SOA ns1 hostmaster 1 7200 3600 1209600 300', '@ NS ns1', 'ns1 A 192.0.2.1', 'www A 192.0.2.7', 'www A 192.0.2.7', 'www TXT "a;b" ; "quoted" comment', ''].join('\n');

describe('JSON output writer', () => {
  const cases: [string, () => Promise<FileReport[]>][] = [
    ['no files', async () => []],
    ['a file without diagnostics and an unknown origin', async () => [{ path: '/work/zones/empty.zone', origin: undefined, diagnostics: [] }]],
    ['diagnostics with related information, in two files', async () => [...(await reportsOf(ZONE)), { path: '/elsewhere/other.zone', origin: 'other.', diagnostics: [] }]],
  ];
  for (const [name, build] of cases) {
    it(`prints ${name} in the documented layout`, async () => {
      const reports = await build();
      const { text } = written(reports, '/work');
      const value = JSON.parse(text);
      assert.equal(text, layout(value));
      assert.equal(value.files.length, reports.length);
    });
  }

  it('reports related information and relative paths', async () => {
    const value = JSON.parse(written(await reportsOf(ZONE), '/work').text);
    assert.equal(value.files[0].path, 'zones/example.com.zone');
    const duplicate = value.files[0].diagnostics.find((d: { code: string }) => d.code === 'zone-duplicate-record');
    assert.ok(duplicate?.related?.length > 0, 'a duplicate names the first record');
  });

  it('hands large output on in several chunks', async () => {
    const lines = ['$TTL 300', '@ SOA ns1 hostmaster 1 7200 3600 1209600 300', '@ NS ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 3000; i++) lines.push(`h${i} A 192.0.2.1`, `h${i} A 192.0.2.1`);
    const { text, chunks } = written(await reportsOf(lines.join('\n') + '\n'), '/work');
    assert.ok(chunks > 1, `${text.length} characters came in one chunk`);
    assert.equal(text, layout(JSON.parse(text)));
  });
});

describe('positions in the JSON and text outputs', () => {
  // Line ends of every kind and characters outside ASCII and the BMP, so lines and UTF-16 columns are both tested.
  const lines = ['$TTL 300', '@ SOA ns1 hostmaster ( 1 7200', '  3600 1209600 300 )', '@ NS ns1', 'ns1 A 192.0.2.1', 'café TXT "é😀" ; ✉', 'x😀 A 192.0.2', 'my_host A 192.0.2.1', 'www A 192.0.2.7', 'www A 192.0.2.7', 'bad TXT "open'];
  const texts: [string, string][] = [
    ['LF', lines.join('\n') + '\n'],
    ['CRLF', lines.join('\r\n') + '\r\n'],
    ['CR', lines.join('\r')],
  ];
  for (const [name, text] of texts) {
    it(`prints the positions positionAt gives, with ${name} line ends`, async () => {
      const reports = await reportsOf(text);
      const diagnostics = reports[0].diagnostics;
      assert.ok(diagnostics.length >= 4, `only ${diagnostics.length} diagnostics`);
      const json = JSON.parse(written(reports, '/work').text);
      assert.deepEqual(
        json.files[0].diagnostics.map((d: { range: unknown }) => d.range),
        diagnostics.map((d) => ({ start: d.file.positionAt(d.span.start), end: d.file.positionAt(d.span.end) })),
      );
      const expectedText = diagnostics.map((d) => {
        const { line, character } = d.file.positionAt(d.span.start);
        return `zones/example.com.zone:${line + 1}:${character + 1}: ${d.severity} ${d.ruleId} ${d.message}\n`;
      });
      const counts = { error: 0, warning: 0, note: 0 };
      for (const d of diagnostics) counts[d.severity === 'error' || d.severity === 'warning' ? d.severity : 'note']++;
      expectedText.push(`1 file checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)\n`);
      assert.equal(written(reports, '/work', 'text').text, expectedText.join(''));
    });
  }
});
