// The SPF and DKIM editor features over stdio, as any LSP client sees them: the lookup tree and the decoded key in
// hovers, the `N/10 DNS lookups` inlay hints, the include chain of spf-lookup-limit as related information, and
// check_host() through the `zonelint/checkSpf` request over the workspace zones.

import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, InlayHint, MarkupContent, Position } from 'vscode-languageserver/node';
import { DidOpenTextDocumentNotification, HoverRequest, InlayHintRequest } from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../corpora';
import { EDITOR_SETTINGS } from '../fixtures/workspace';
import type { CheckSpfParams, CheckSpfResult } from '../../server/src/protocol';
import { CHECK_SPF_REQUEST } from '../../server/src/protocol';
import { LspTestClient } from './lspClient';

const SERVER = path.join(PROJECT_ROOT, 'bin', 'zonelint-language-server.js');

const NET_ZONE = `$ORIGIN example.net.
$TTL 3600
@     SOA ns hostmaster 1 7200 3600 1209600 300
@     NS  ns
ns    A   198.51.100.2
_spf  TXT "v=spf1 ip4:198.51.100.0/24 -all"
_big  TXT "v=spf1 a mx a mx include:_more.example.net -all"
_big  A   198.51.100.8
_big  MX  10 ns
_more TXT "v=spf1 a mx a mx a mx a -all"
_more A   198.51.100.9
_more MX  10 ns
`;

/** example.com, with its DKIM key's p= value in place of KEY. */
const COM_ZONE = `$ORIGIN example.com.
$TTL 3600
@       SOA ns1 hostmaster 1 7200 3600 1209600 300
@       NS  ns1
@       MX  10 mail
ns1     A   192.0.2.1
mail    A   192.0.2.25
@       TXT "v=spf1 mx include:_spf.example.net -all"
big     TXT "v=spf1 include:_big.example.net -all"
outside TXT "v=spf1 include:_spf.elsewhere.invalid -all"
sel._domainkey TXT "v=DKIM1; k=rsa; t=s; " KEY
_dmarc  TXT "v=DMARC1; p=reject"
`;

describe('SPF and DKIM features over stdio', function () {
  let folder: string;
  let client: LspTestClient;
  let comText: string;
  let keyFingerprint: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;

  before(async () => {
    const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
    keyFingerprint = `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
    comText = COM_ZONE.replace('KEY', `"p=${(der.toString('base64').match(/.{1,200}/g) ?? []).join('" "')}"`);
    folder = mkdtempSync(path.join(os.tmpdir(), 'zonelint-mail-'));
    writeFileSync(path.join(folder, 'example.com.zone'), comText);
    writeFileSync(path.join(folder, 'example.net.zone'), NET_ZONE);
    client = await LspTestClient.startInFolder({ serverScript: SERVER, folder, initializationOptions: { settings: EDITOR_SETTINGS } });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('example.com.zone'), languageId: 'dns-zone', version: 1, text: comText } });
  });

  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists the include chain of spf-lookup-limit as related information, in both zone files', async () => {
    const diagnostics = await client.waitForDiagnostics(uriOf('example.com.zone'), (list) => list.some((d) => d.code === 'spf-lookup-limit'), 'spf-lookup-limit');
    const limit = diagnostics.find((d) => d.code === 'spf-lookup-limit')!;
    assert.match(limit.message, /^SPF record needs 13 DNS lookups; the limit is 10/);
    assert.deepEqual(
      limit.relatedInformation?.map((info) => `${path.basename(info.location.uri)} ${info.location.range.start.line}:${info.location.range.start.character} ${info.message}`),
      ['example.com.zone 8:20 include:_big.example.net: 13 lookups (answered by zone)', 'example.net.zone 6:28 include:_more.example.net: 8 lookups (answered by zone)'],
    );
  });

  it('hovers an SPF record with its lookup tree and totals between its terms', async () => {
    const hover = await hoverAt('v=spf1 mx', 6);
    assert.equal(
      (hover.contents as MarkupContent).value,
      [
        '**SPF record** of `example.com`: lookups 2/10, void 0/2',
        '',
        'Worst case: every term up to `all` is assumed reached, through every include and redirect (RFC 7208 §4.6.4).',
        '',
        '- `mx` · 1 lookup · zone file · 1 MX name to look up',
        '- `include:_spf.example.net` · 1 lookup · zone file `example.net.zone`',
        '  - `ip4:198.51.100.0/24` · no lookup',
        '  - `-all` · no lookup',
        '- `-all` · no lookup',
      ].join('\n'),
    );
    assert.deepEqual(hover.range, { start: positionOf('"v=spf1 mx'), end: positionOf('-all"\nbig', 5) });
  });

  it('hovers an SPF record whose include is unresolved with lower bounds', async () => {
    const hover = await hoverAt('"v=spf1 include:_spf.elsewhere', 3);
    assert.match((hover.contents as MarkupContent).value, /^`v=spf1`: [^\n]*\n\n---\n\n\*\*SPF record\*\* of `outside\.example\.com`: lookups ≥1\/10, void ≥0\/2\n[\s\S]*- `include:_spf\.elsewhere\.invalid` · 1 lookup · unresolved\n/);
  });

  it('hovers a DKIM record with the tag under the cursor and its decoded key', async () => {
    const hover = await hoverAt('k=rsa', 0);
    assert.equal(
      (hover.contents as MarkupContent).value,
      `\`k=\`: The key type. (RFC 6376 §3.6.1, RFC 8463 §4.2)\n\nHere: \`rsa\`: RSA (the default); 2048 bits or more.\n\n---\n\n**DKIM key** of selector \`sel\` for \`example.com.\`\n\n- Type: RSA, 2048 bits\n- Fingerprint: \`${keyFingerprint}\`\n- Flags: strict, no subdomains in i= (t=s)`,
    );
  });

  it('keeps the type hover on the TXT of an SPF record', async () => {
    const hover = await hoverAt('TXT "v=spf1 mx', 1);
    assert.match((hover.contents as MarkupContent).value, /^\*\*TXT\*\* record \(type 16\)/);
  });

  it('shows an inlay hint with the DNS lookups after each SPF record', async () => {
    const lines = comText.split('\n');
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: uriOf('example.com.zone') },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(
      hints.map((hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)} ${hint.paddingLeft === true}`),
      [`7:${lines[7].length} 2/10 DNS lookups true`, `8:${lines[8].length} 13/10 DNS lookups true`, `9:${lines[9].length} ≥1/10 DNS lookups true`],
    );
    assert.match(String(hints[1].tooltip), /over a limit, so receivers return permerror/);
  });

  it('shows only the inlay hints inside the asked range', async () => {
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: uriOf('example.com.zone') },
      range: { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(hints.map((hint) => hint.label), ['13/10 DNS lookups']);
  });

  const checks: { name: string; params: CheckSpfParams; result: CheckSpfResult['result']; explanation: RegExp; lookups: number; trace: RegExp }[] = [
    {
      name: 'a sender allowed through an include in another zone',
      params: { ip: '198.51.100.7', mailFrom: 'someone@example.com', helo: 'example.com' },
      result: 'pass',
      explanation: /^$/,
      lookups: 2,
      trace: /^1 _spf\.example\.net: ip4:198\.51\.100\.0\/24 matches: pass$/m,
    },
    {
      name: 'a sender the record refuses',
      params: { ip: '203.0.113.5', mailFrom: 'someone@example.com', helo: 'example.com' },
      result: 'fail',
      explanation: /^example\.com does not designate 203\.0\.113\.5 as a permitted sender$/,
      lookups: 2,
      trace: /^0 example\.com: -all matches: fail$/m,
    },
    {
      name: 'a bounce, checked by its HELO name',
      params: { ip: '192.0.2.25', mailFrom: '', helo: 'example.com' },
      result: 'pass',
      explanation: /^$/,
      lookups: 1,
      trace: /^0 example\.com: mx matches: pass$/m,
    },
    {
      name: 'a record over the limit',
      params: { ip: '203.0.113.5', mailFrom: 'someone@big.example.com', helo: 'big.example.com' },
      result: 'permerror',
      explanation: /^a is DNS-querying term number 11; the limit is 10 \(RFC 7208 §4\.6\.4\)$/,
      lookups: 11,
      trace: /permerror/,
    },
    {
      name: 'an address that is not one',
      params: { ip: '300.1.2.3', mailFrom: 'someone@example.com', helo: 'example.com' },
      result: 'permerror',
      explanation: /^"300\.1\.2\.3" is not an IP address$/,
      lookups: 0,
      trace: /^$/,
    },
  ];
  for (const check of checks) {
    it(`runs check_host() on request: ${check.name}`, async () => {
      const evaluation = await client.connection.sendRequest<CheckSpfResult | null>(CHECK_SPF_REQUEST, check.params);
      assert.ok(evaluation !== null, 'no evaluation');
      assert.equal(evaluation.result, check.result);
      assert.match(evaluation.explanation, check.explanation);
      assert.equal(evaluation.lookups, check.lookups);
      assert.match(evaluation.trace.map((step) => `${step.depth} ${step.domain}: ${step.message}`).join('\n'), check.trace);
    });
  }

  it('answers a malformed checkSpf request without failing', async () => {
    const evaluation = await client.connection.sendRequest<CheckSpfResult | null>(CHECK_SPF_REQUEST, { ip: 7 });
    assert.equal(evaluation?.result, 'permerror');
    assert.equal(await client.stop(), 0);
  });

  async function hoverAt(needle: string, offsetInNeedle: number): Promise<Hover> {
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('example.com.zone') }, position: positionOf(needle, offsetInNeedle) })) as Hover | null;
    assert.ok(hover !== null, `no hover at ${needle}`);
    return hover;
  }

  /** The position of the first `needle` in example.com's text, moved `offsetInNeedle` characters into it. */
  function positionOf(needle: string, offsetInNeedle = 0): Position {
    const index = comText.indexOf(needle);
    assert.ok(index >= 0, `no ${needle}`);
    const before = comText.slice(0, index + offsetInNeedle);
    return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
  }
});
