// The core services behind the editor features (outline, folding, hover, definition, links, dependencies, zone
// file detection), on small in-memory workspaces, in offsets as the core speaks them.

import assert from 'node:assert/strict';
import { parseSettings, ZonelintWorkspace } from '../../server/src/core';
import type { Zone } from '../../server/src/core';
import { definitionAt } from '../../server/src/core/services/definition';
import { dependsOn, referencedNames } from '../../server/src/core/services/dependencies';
import { foldingSpans } from '../../server/src/core/services/folding';
import { hoverAt } from '../../server/src/core/services/hover';
import { includeLinks } from '../../server/src/core/services/links';
import { rdataText } from '../../server/src/core/services/presentation';
import { documentSymbols } from '../../server/src/core/services/symbols';
import { looksLikeZoneText, zoneFileKind } from '../../server/src/core/services/zoneFiles';

/** A workspace of in-memory files (absolute paths), read by `$INCLUDE` from the same map. */
function workspaceOf(files: Record<string, string>): ZonelintWorkspace {
  const workspace = new ZonelintWorkspace({
    settings: parseSettings({ dns: 'off' }).settings,
    host: { readFile: (file) => files[file], mayRead: (file) => file in files },
  });
  for (const [file, text] of Object.entries(files)) if (file.endsWith('.zone')) workspace.setFile(file, text);
  return workspace;
}

function zoneOf(workspace: ZonelintWorkspace, file: string): Zone {
  return workspace.zone(file)!;
}

/** The offset of `needle` in `text`, moved `into` characters into it. */
function offsetOf(text: string, needle: string, into = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `no ${needle}`);
  return index + into;
}

const EXAMPLE = `$ORIGIN example.com.
$TTL 300
@ IN SOA ns1 hostmaster ( 1 2 3 4
    5 )
  IN NS ns1
  IN MX 10 mail
  IN TXT "v=spf1 include:_spf.example.net ~all"
; hosts
; more hosts
; and more
ns1 IN A 192.0.2.1
mail IN CNAME www.example.net.
$GENERATE 1-5 host$ A 192.0.2.$
_dmarc TXT "v=DMARC1; p=none; rua=mailto:r@reports.example.org"
$INCLUDE /z/hosts.inc
`;
const OTHER = `$ORIGIN example.net.
$TTL 300
@ IN SOA ns hostmaster 1 2 3 4 5
  IN NS ns
www IN A 198.51.100.1
_spf IN TXT "v=spf1 -all"
`;
const INCLUDED = `db IN A 192.0.2.9
`;
const FILES = { '/z/example.com.zone': EXAMPLE, '/z/example.net.zone': OTHER, '/z/hosts.inc': INCLUDED };

describe('core services for the editor', () => {
  const workspace = workspaceOf(FILES);
  const zone = zoneOf(workspace, '/z/example.com.zone');

  it('outlines records by owner, with $GENERATE lines as one entry', () => {
    const symbols = documentSymbols(zone, '/z/example.com.zone');
    assert.deepEqual(
      symbols.map((s) => `${s.name} [${s.records.map((r) => r.name).join(' ')}] ${s.detail}`),
      ['@ [SOA NS MX TXT] example.com.', 'ns1 [A] ns1.example.com.', 'mail [CNAME] mail.example.com.', '$GENERATE [] 5 records of type A', '_dmarc [TXT] _dmarc.example.com.'],
    );
  });

  it('outlines an $INCLUDEd file with the records read from it', () => {
    assert.deepEqual(
      documentSymbols(zone, '/z/hosts.inc').map((s) => s.name),
      ['db'],
    );
  });

  it('folds multi-line records and blocks of comment lines', () => {
    const text = EXAMPLE;
    assert.deepEqual(
      foldingSpans(zone, '/z/example.com.zone').map((f) => `${f.kind} ${text.slice(f.span.start, f.span.end).split('\n').length} lines`),
      ['record 2 lines', 'comment 3 lines'],
    );
  });

  const hovers: { name: string; needle: string; into: number; expected: RegExp }[] = [
    { name: 'a type with its RFC', needle: 'CNAME', into: 1, expected: /^\*\*CNAME\*\* record \(type 5\), TTL 300, class IN\n\nThe name is an alias/ },
    { name: 'a target in another workspace zone', needle: 'www.example.net.', into: 2, expected: /`www\.example\.net\.`: 1 record in zone `example\.net\.`\n\n```dns-zone\n300 A 198\.51\.100\.1\n```/ },
    { name: 'an owner of this zone', needle: 'ns1 IN A', into: 1, expected: /`ns1\.example\.com\.`: 1 record/ },
    { name: 'an SPF include domain', needle: '_spf.example.net', into: 3, expected: /^SPF `include` domain\n\n`_spf\.example\.net\.`: 1 record/ },
    { name: 'the $INCLUDE file name', needle: '/z/hosts.inc', into: 3, expected: /reads `\/z\/hosts\.inc` into this zone/ },
  ];
  for (const hover of hovers) {
    it(`hovers ${hover.name}`, () => {
      const result = hoverAt({ zone, filePath: '/z/example.com.zone', offset: offsetOf(EXAMPLE, hover.needle, hover.into), workspace: workspace.getView() });
      assert.match(result?.markdown ?? '', hover.expected);
    });
  }

  it('says when a name is in no workspace zone or has no records', () => {
    const outside = workspaceOf({ '/y/a.zone': '$ORIGIN a.example.\n$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns.elsewhere.example.\n@ MX 1 gone\n' });
    const aZone = zoneOf(outside, '/y/a.zone');
    const at = (needle: string) => hoverAt({ zone: aZone, filePath: '/y/a.zone', offset: offsetOf(aZone.file.text, needle, 1), workspace: outside.getView() })?.markdown;
    assert.match(at('ns.elsewhere') ?? '', /Not in any zone of this workspace/);
    assert.match(at('gone') ?? '', /No records at this name in zone `a\.example\.`/);
  });

  const definitions: { name: string; needle: string; into: number; expected: string[] }[] = [
    { name: 'a CNAME target to the other zone', needle: 'www.example.net.', into: 1, expected: ['/z/example.net.zone 4:0'] },
    { name: 'an SPF include to the other zone', needle: '_spf.example.net', into: 1, expected: ['/z/example.net.zone 5:0'] },
    { name: 'an MX target to its record', needle: '10 mail', into: 4, expected: ['/z/example.com.zone 11:0'] },
    { name: '$INCLUDE to the file', needle: '/z/hosts.inc', into: 1, expected: ['/z/hosts.inc 0:0'] },
    { name: 'an owner to nothing', needle: 'ns1 IN A', into: 1, expected: [] },
  ];
  for (const definition of definitions) {
    it(`goes from ${definition.name}`, () => {
      const locations = definitionAt({ zone, filePath: '/z/example.com.zone', offset: offsetOf(EXAMPLE, definition.needle, definition.into), workspace: workspace.getView() });
      assert.deepEqual(
        locations.map((l) => {
          const position = l.file.positionAt(l.span.start);
          return `${l.file.path} ${position.line}:${position.character}`;
        }),
        definition.expected,
      );
    });
  }

  it('links each $INCLUDE of the file', () => {
    assert.deepEqual(
      includeLinks(zone, '/z/example.com.zone').map((l) => `${EXAMPLE.slice(l.span.start, l.span.end)} -> ${l.target}`),
      ['/z/hosts.inc -> /z/hosts.inc'],
    );
  });

  it('lists the names a zone reads: rdata targets, SPF domains and DMARC report domains', () => {
    assert.deepEqual([...referencedNames(zone)].sort(), ['_spf.example.net.', 'mail.example.com.', 'ns1.example.com.', 'reports.example.org.', 'www.example.net.']);
    const other = zoneOf(workspace, '/z/example.net.zone');
    assert.equal(dependsOn(zone, other), true);
    assert.equal(dependsOn(other, zone), false);
  });

  it('writes rdata on one line without comments or parentheses, keeping quoted text', () => {
    const multiLine = workspaceOf({ '/x/m.zone': '$ORIGIN m.example.\n$TTL 1\n@ SOA ns h ( 1 ; serial\n 2 3 4 5 )\n@ TXT "a ; b" ( "c" ) ; note\n' });
    const records = zoneOf(multiLine, '/x/m.zone').records;
    assert.deepEqual(records.map(rdataText), ['ns h 1 2 3 4 5', '"a ; b" "c"']);
  });

  const fileKinds: { name: string; kind: ReturnType<typeof zoneFileKind> }[] = [
    { name: 'example.com.zone', kind: 'zone' },
    { name: 'EXAMPLE.ZONE', kind: 'zone' },
    { name: 'db.example.com', kind: 'sniff' },
    { name: 'example.com.db', kind: 'sniff' },
    { name: 'example.com', kind: 'other' },
    { name: 'notes.txt', kind: 'other' },
  ];
  for (const { name, kind } of fileKinds) {
    it(`classifies ${name} as ${kind}`, () => assert.equal(zoneFileKind(name), kind));
  }

  const heads: { head: string; zone: boolean }[] = [
    { head: '$ORIGIN example.com.\n', zone: true },
    { head: '; comment\n$TTL 1h\n', zone: true },
    { head: '@ IN SOA ns h 1 2 3 4 5\n', zone: true },
    { head: 'SQLite format 3\u0000', zone: false },
    { head: 'just text\n', zone: false },
  ];
  for (const { head, zone: expected } of heads) {
    it(`${expected ? 'recognizes' : 'rejects'} a file starting ${JSON.stringify(head.slice(0, 12))}`, () => assert.equal(looksLikeZoneText(head), expected));
  }
});
