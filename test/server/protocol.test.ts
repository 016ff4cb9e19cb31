// The language server over stdio with no editor: initialize, open the example zone, receive the core's
// diagnostics, ask for symbols, hovers, definitions, links and folds, edit, close, and shut down cleanly.

import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, MarkupContent } from 'vscode-languageserver/node';
import {
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
} from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../corpora';
import type { SeenDiagnostic } from '../fixtures/workspace';
import { copyFixtureWorkspace, EDITOR_SETTINGS, EXAMPLE_ZONE, expectedDiagnostics, formatRange, INCLUDED_FILE, LSP_SEVERITY_NAMES, sortDiagnostics } from '../fixtures/workspace';
import type { ZoneStatusParams } from '../../server/src/protocol';
import { ZONE_STATUS_NOTIFICATION } from '../../server/src/protocol';
import { LspTestClient } from './lspClient';

const SERVER = path.join(PROJECT_ROOT, 'bin', 'zonelint-language-server.js');

describe('language server over stdio', function () {
  let folder: string;
  let client: LspTestClient;
  let zoneUri: string;
  let zoneText: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;
  const at = (needle: string, offsetInNeedle = 0) => positionOf(zoneText, needle, offsetInNeedle);

  before(async () => {
    folder = copyFixtureWorkspace();
    zoneUri = uriOf(EXAMPLE_ZONE);
    zoneText = readFileSync(path.join(folder, EXAMPLE_ZONE), 'utf8');
    client = await LspTestClient.startInFolder({ serverScript: SERVER, folder, initializationOptions: { settings: EDITOR_SETTINGS } });
  });

  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes the diagnostics of the zone and of its $INCLUDEd file, as the core reports them', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: zoneUri, languageId: 'dns-zone', version: 1, text: zoneText } });
    const zoneDiagnostics = await client.waitForDiagnostics(zoneUri, (list) => list.length > 0, `diagnostics for ${EXAMPLE_ZONE}`);
    const includedDiagnostics = await client.waitForDiagnostics(uriOf(INCLUDED_FILE), (list) => list.length > 0, `diagnostics for ${INCLUDED_FILE}`);
    const seen = sortDiagnostics([...zoneDiagnostics.map((d) => seenAs(EXAMPLE_ZONE, d)), ...includedDiagnostics.map((d) => seenAs(INCLUDED_FILE, d))]);
    const expected = (await expectedDiagnostics(folder)).filter((d) => d.file === EXAMPLE_ZONE || d.file === INCLUDED_FILE);
    assert.deepEqual(seen, expected);
    assert.ok(seen.some((d) => d.code === 'zone-bad-rdata' && d.file === INCLUDED_FILE && d.severity === 'error'));
    const targetIsCname = zoneDiagnostics.find((d) => d.code === 'zone-target-is-cname');
    assert.deepEqual(
      targetIsCname?.relatedInformation?.map((r) => `${r.location.uri} ${r.location.range.start.line}`),
      [`${zoneUri} 14`],
    );
    for (const diagnostic of [...zoneDiagnostics, ...includedDiagnostics]) {
      assert.equal(diagnostic.source, 'zonelint');
      assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`/docs/rules/${String(diagnostic.code)}\\.md$`));
    }
  });

  it('sends the zone status: origin, record count and the apex SPF lookups', async () => {
    const status = await client.waitFor(
      () => client.notifications.find((n) => n.method === ZONE_STATUS_NOTIFICATION && (n.params as ZoneStatusParams).uri === zoneUri)?.params as ZoneStatusParams | undefined,
      'a zone status notification',
    );
    assert.equal(status.origin, 'example.com.');
    assert.equal(status.originSource, '$ORIGIN');
    assert.equal(status.recordCount, 13);
    assert.deepEqual(status.spfLookups, { count: 2, limit: 10, complete: true });
  });

  it('outlines the zone by owner, with each record type and its data', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: zoneUri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['@', 'ns1', 'mail', 'www', 'ftp', 'api', '_dmarc'],
    );
    const apex = symbols[0];
    assert.deepEqual(
      apex.children?.map((c) => `${c.name} ${c.detail}`),
      ['SOA ns1 hostmaster 2024010101 7200 3600 1209600 300', 'NS ns1', 'NS ns2.example.net.', 'MX 10 mail', 'TXT "v=spf1 mx include:_spf.example.net ~all"'],
    );
    assert.deepEqual(apex.range, { start: { line: 3, character: 0 }, end: at('"v=spf1 mx include:_spf.example.net ~all"', 41) });
  });

  const hovers: { name: string; needle: string; offset: number; expected: RegExp }[] = [
    { name: 'a record type', needle: 'MX   10', offset: 0, expected: /\*\*MX\*\* record \(type 15\), TTL 3600, class IN/ },
    { name: 'an MX target, with what it holds', needle: '10 mail', offset: 3, expected: /`mail\.example\.com\.`: 1 record in zone `example\.com\.`[\s\S]*CNAME www/ },
    { name: 'an SPF include domain in another zone', needle: '_spf.example.net', offset: 2, expected: /`_spf\.example\.net\.`: 1 record in zone `example\.net\.`[\s\S]*v=spf1 ip4:198\.51\.100\.0\/24 -all/ },
  ];
  for (const hover of hovers) {
    it(`hovers ${hover.name}`, async () => {
      const result = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: zoneUri }, position: at(hover.needle, hover.offset) })) as Hover;
      assert.match((result.contents as MarkupContent).value, hover.expected);
    });
  }

  const definitions: { name: string; needle: string; offset: number; file: string; line: number }[] = [
    { name: 'an MX target to its CNAME', needle: '10 mail', offset: 4, file: EXAMPLE_ZONE, line: 14 },
    { name: 'an SPF include domain to the other zone', needle: '_spf.example.net', offset: 5, file: 'example.net.zone', line: 9 },
  ];
  for (const definition of definitions) {
    it(`goes from ${definition.name}`, async () => {
      const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: zoneUri }, position: at(definition.needle, definition.offset) })) as Location[];
      assert.deepEqual(
        result.map((l) => `${l.uri} ${l.range.start.line}`),
        [`${uriOf(definition.file)} ${definition.line}`],
      );
    });
  }

  it('links the $INCLUDE file name to the file', async () => {
    const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: zoneUri } })) as DocumentLink[];
    assert.deepEqual(
      links.map((l) => `${l.target} ${formatRange(l.range.start, l.range.end)}`),
      [`${uriOf(INCLUDED_FILE)} 21:9-21:18`],
    );
  });

  it('folds the SOA record written over several lines', async () => {
    const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: zoneUri } })) as FoldingRange[];
    assert.deepEqual(
      folds.map((f) => `${f.startLine}-${f.endLine}`),
      ['3-8'],
    );
  });

  it('answers with nothing, and keeps serving, for a document it does not know', async () => {
    const unknown = uriOf('not-open.zone');
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: unknown } }), []);
  });

  it('survives a binary file opened as a zone and reports its problems', async () => {
    const garbageUri = uriOf('garbage.zone');
    const garbage = '\u0000\u0001(((\n"unterminated\n\\\\\\ \u00ff ; (\n$INCLUDE\n$GENERATE 1-99999999 x A 1.2.3.$\n)\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: garbageUri, languageId: 'dns-zone', version: 1, text: garbage } });
    const diagnostics = await client.waitForDiagnostics(garbageUri, (list) => list.length > 0, 'diagnostics for a binary file');
    assert.ok(diagnostics.some((d) => d.code === 'zone-syntax'));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: zoneUri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 7);
  });

  it('checks again after an edit, and only the latest version counts', async () => {
    const fixed = zoneText.replace('api 600 IN A', 'api 300 IN A');
    // Two quick edits: the first version's check is superseded, the second one's result is published.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: zoneUri, version: 2 },
      contentChanges: [{ text: zoneText.replace('api 600 IN A', 'api 900 IN A') }],
    });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: zoneUri, version: 3 }, contentChanges: [{ text: fixed }] });
    await client.waitFor(() => (client.diagnostics.get(zoneUri)?.version === 3 ? true : undefined), 'diagnostics of version 3');
    const codes = client.diagnostics.get(zoneUri)!.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('zone-ttl-mismatch'), `still reported: ${codes.join(', ')}`);
    assert.ok(codes.includes('zone-cname-and-other-data'));
  });

  it('re-checks an open zone when a zone it reads changes in the editor', async () => {
    const netUri = uriOf('example.net.zone');
    const netText = readFileSync(path.join(folder, 'example.net.zone'), 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: netUri, languageId: 'dns-zone', version: 1, text: netText } });
    const withoutSpf = netText.replace('_spf    IN TXT  "v=spf1 ip4:198.51.100.0/24 -all"', '_spf    IN A    198.51.100.1');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: netUri, version: 2 }, contentChanges: [{ text: withoutSpf }] });
    await client.waitForDiagnostics(zoneUri, (list) => list.some((d) => d.code === 'spf-include-target'), 'spf-include-target in example.com after _spf.example.net lost its SPF record');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: netUri } });
    await client.waitForDiagnostics(zoneUri, (list) => !list.some((d) => d.code === 'spf-include-target'), 'example.com re-checked against example.net on disk after the close');
  });

  it('re-checks an open zone when a zone it reads changes on disk', async () => {
    const netFile = path.join(folder, 'example.net.zone');
    writeFileSync(netFile, readFileSync(netFile, 'utf8').replace('_spf    IN TXT  "v=spf1 ip4:198.51.100.0/24 -all"', '_spf    IN A    198.51.100.1'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('example.net.zone'), type: FileChangeType.Changed }] });
    await client.waitForDiagnostics(zoneUri, (list) => list.some((d) => d.code === 'spf-include-target'), 'spf-include-target after example.net.zone changed on disk');
  });

  it('clears the diagnostics of a closed zone and of its $INCLUDEd file', async () => {
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: zoneUri } });
    await client.waitForDiagnostics(zoneUri, (list) => list.length === 0, `empty diagnostics for ${EXAMPLE_ZONE}`);
    await client.waitForDiagnostics(uriOf(INCLUDED_FILE), (list) => list.length === 0, `empty diagnostics for ${INCLUDED_FILE}`);
  });

  it('shuts down and exits with status 0', async () => {
    assert.equal(await client.stop(), 0);
  });
});

function seenAs(file: string, diagnostic: Diagnostic): SeenDiagnostic {
  return { file, code: String(diagnostic.code), severity: LSP_SEVERITY_NAMES[diagnostic.severity ?? 1], range: formatRange(diagnostic.range.start, diagnostic.range.end), related: diagnostic.relatedInformation?.length ?? 0 };
}

/** The position of `needle` in `text` (its first occurrence), moved `offsetInNeedle` characters into it. */
function positionOf(text: string, needle: string, offsetInNeedle: number): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture text lacks ${needle}`);
  const before = text.slice(0, index + offsetInNeedle);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('language server index', function () {
  it('indexes a large workspace with work-done progress, so a zone sees names in files never opened', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'zonelint-index-'));
    const zones = 60;
    for (let i = 0; i < zones; i++) {
      writeFileSync(path.join(folder, `z${i}.example.zone`), `$ORIGIN z${i}.example.\n$TTL 300\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.${i}\nwww CNAME ns\n`);
    }
    const client = await LspTestClient.startInFolder({
      serverScript: SERVER,
      folder,
      initializationOptions: { settings: EDITOR_SETTINGS },
      capabilities: { window: { workDoneProgress: true } },
    });
    try {
      // An SPF include of a name in an unopened zone that has no SPF record there: only the index can tell
      // (without it, DNS being off, the target would stay unresolved).
      const uri = pathToFileURL(path.join(folder, 'open.zone')).href;
      const text = '$ORIGIN open.example.\n$TTL 300\n@ SOA ns.z1.example. h 1 2 3 4 5\n@ NS ns.z1.example.\n@ TXT "v=spf1 include:www.z59.example -all"\n';
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
      const diagnostics = await client.waitForDiagnostics(uri, (list) => list.length > 0, 'diagnostics of a zone whose SPF include is in an indexed zone');
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('spf-include-target') && !codes.includes('spf-unresolved'), codes.join(', '));
      assert.deepEqual(
        [client.progress[0]?.kind, client.progress[client.progress.length - 1]?.kind],
        ['begin', 'end'],
      );
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server trust', function () {
  const cases: { name: string; trusted: boolean; queries: (count: number) => boolean; includeProblem: boolean }[] = [
    { name: 'an untrusted workspace: no DNS query and no $INCLUDE read', trusted: false, queries: (count) => count === 0, includeProblem: true },
    { name: 'a trusted workspace: DNS for names outside it, and $INCLUDE read', trusted: true, queries: (count) => count > 0, includeProblem: false },
  ];
  for (const trustCase of cases) {
    it(`checks ${trustCase.name}`, async () => {
      const folder = copyFixtureWorkspace();
      const dns = dgram.createSocket('udp4');
      let queries = 0;
      dns.on('message', () => queries++);
      await new Promise<void>((resolve) => dns.bind(0, '127.0.0.1', resolve));
      const client = await LspTestClient.startInFolder({
        serverScript: SERVER,
        folder,
        initializationOptions: { trusted: trustCase.trusted, settings: { dns: 'live', dnsServer: `127.0.0.1:${dns.address().port}`, dnsTimeoutMs: 200 } },
      });
      try {
        const uri = pathToFileURL(path.join(folder, EXAMPLE_ZONE)).href;
        const text = `${readFileSync(path.join(folder, EXAMPLE_ZONE), 'utf8')}outside IN TXT "v=spf1 include:_spf.outside.invalid -all"\n`;
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
        const diagnostics = await client.waitForDiagnostics(uri, (list) => list.length > 0, 'diagnostics');
        assert.equal(diagnostics.some((d) => d.code === 'zone-include'), trustCase.includeProblem);
        assert.ok(trustCase.queries(queries), `${queries} DNS queries`);
        assert.equal(await client.stop(), 0);
      } finally {
        client.kill();
        dns.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
