// Parser tests, one table per rule group of shared/notes/zone-syntax.md: owners, origins, TTLs, classes, types,
// directives and $GENERATE, each case checked against what named-checkzone does with the same text.

import assert from 'node:assert/strict';
import { SourceFile } from '../../../server/src/core/types';
import type { Zone } from '../../../server/src/core/zone/model';
import { parseZone } from '../../../server/src/core/zone/parser';
import { typeName } from '../../../server/src/core/zone/rrtypes';

function parse(text: string, options: { origin?: string; files?: Record<string, string>; generateLimit?: number } = {}): Zone {
  const files = options.files ?? {};
  return parseZone({
    file: new SourceFile('/z/zone.db', text),
    origin: options.origin ?? 'example.com.',
    originSource: 'option',
    host: { readFile: (p) => files[p], mayRead: (p) => p.startsWith('/z/') },
    generateLimit: options.generateLimit ?? 65536,
  });
}

/** Records as `owner ttl TYPE` lines, the shape named-compilezone prints them in. */
function records(zone: Zone): string[] {
  return zone.records.map((r) => `${r.owner} ${r.ttl} ${typeName(r.type)}`);
}

function problems(zone: Zone): string[] {
  return zone.parseFindings.map((f) => `${f.ruleId}@${f.location.file.positionAt(f.location.span.start).line + 1}`);
}

interface Case {
  readonly name: string;
  readonly zone: string;
  readonly records: readonly string[];
  readonly problems?: readonly string[];
  readonly origin?: string;
}

const TABLES: Record<string, readonly Case[]> = {
  owners: [
    { name: 'relative, absolute and @', zone: '$TTL 60\n@ A 192.0.2.1\nwww A 192.0.2.2\nmail.example.com. A 192.0.2.3\n', records: ['example.com. 60 A', 'www.example.com. 60 A', 'mail.example.com. 60 A'] },
    { name: 'blank owner inherits across blank lines, comments and $TTL', zone: '$TTL 60\nwww A 192.0.2.1\n\n; note\n$TTL 30\n  AAAA 2001:db8::1\n', records: ['www.example.com. 60 A', 'www.example.com. 30 AAAA'] },
    { name: 'quoted owner', zone: '$TTL 60\n"www" A 192.0.2.1\n', records: ['www.example.com. 60 A'] },
    { name: 'parentheses around the owner', zone: '$TTL 60\n( www ) A 192.0.2.1\n', records: ['www.example.com. 60 A'] },
    { name: 'escaped space in an owner', zone: '$TTL 60\nwww\\ A TXT "x"\n', records: ['www\\032A.example.com. 60 TXT'] },
    { name: 'first column token is always the owner', zone: '$TTL 60\nIN A 192.0.2.1\n', records: ['IN.example.com. 60 A'] },
    { name: 'no owner before the first record', zone: '$TTL 60\n  A 192.0.2.1\n', records: [], problems: ['zone-no-owner@2'] },
    { name: 'inherited owner right after $ORIGIN', zone: '$TTL 60\nwww A 192.0.2.1\n$ORIGIN sub.example.com.\n  A 192.0.2.2\n', records: ['www.example.com. 60 A', 'www.example.com. 60 A'], problems: ['zone-inherited-owner-after-origin@4'] },
    { name: 'a label over 63 octets', zone: `$TTL 60\n${'a'.repeat(64)} A 192.0.2.1\n`, records: [], problems: ['zone-bad-name@2'] },
    { name: 'a name over 255 octets with the origin', zone: `$TTL 60\n${Array(4).fill('a'.repeat(62)).join('.')} A 192.0.2.1\n`, records: [], problems: ['zone-bad-name@2'] },
  ],
  origins: [
    { name: 'relative $ORIGIN is appended', zone: '$TTL 60\n$ORIGIN sub\nwww A 192.0.2.1\n', records: ['www.sub.example.com. 60 A'] },
    { name: '$ORIGIN @ keeps the origin', zone: '$TTL 60\n$ORIGIN @\nwww A 192.0.2.1\n', records: ['www.example.com. 60 A'] },
    { name: 'out-of-zone owners are ignored with a warning', zone: '$TTL 60\nwww.example.org. A 192.0.2.1\n', records: [], problems: ['zone-out-of-zone@2'] },
    {
      // Relative owners under an origin inside the zone are inside without a check; every other owner is checked.
      name: 'relative and absolute owners under origins inside and outside the zone',
      zone: '$TTL 60\na\\. A 192.0.2.1\nb\\\\. A 192.0.2.2\nc.example.com. A 192.0.2.3\n$ORIGIN example.org.\nd A 192.0.2.4\n@ A 192.0.2.5\ne.example.com. A 192.0.2.6\n',
      records: ['a\\..example.com. 60 A', 'c.example.com. 60 A', 'e.example.com. 60 A'],
      problems: ['zone-out-of-zone@3', 'zone-out-of-zone@6', 'zone-out-of-zone@7'],
    },
  ],
  ttls: [
    { name: '$TTL applies from its line on', zone: '$TTL 60\na A 192.0.2.1\n$TTL 2h\nb A 192.0.2.2\n', records: ['a.example.com. 60 A', 'b.example.com. 7200 A'] },
    { name: 'units sum up', zone: '$TTL 1h1h\na 1w2d3h4m5s A 192.0.2.1\n', records: ['a.example.com. 788645 A'] },
    { name: 'without $TTL the last explicit TTL is used, with one warning', zone: 'a 300 A 192.0.2.1\nb A 192.0.2.2\nc A 192.0.2.3\n', records: ['a.example.com. 300 A', 'b.example.com. 300 A', 'c.example.com. 300 A'], problems: ['zone-ttl-inherited@2'] },
    { name: 'the SOA minimum becomes the default', zone: '@ SOA ns hm 1 2 3 4 55\na A 192.0.2.1\n', records: ['example.com. 55 SOA', 'a.example.com. 55 A'] },
    { name: 'no TTL at all', zone: 'a A 192.0.2.1\n', records: [], problems: ['zone-no-ttl@1'] },
    { name: 'a TTL of 2^31 or more counts as 0', zone: '$TTL 60\na 3000000000 A 192.0.2.1\n', records: ['a.example.com. 0 A'], problems: ['zone-bad-ttl@2'] },
    { name: 'bad TTL tokens', zone: '$TTL 60\na 1h30 A 192.0.2.1\nb 30x A 192.0.2.1\nc 5000000000 A 192.0.2.1\n', records: [], problems: ['zone-bad-ttl@2', 'zone-bad-ttl@3', 'zone-bad-ttl@4'] },
  ],
  'classes and types': [
    { name: 'TTL and class in either order', zone: '$TTL 60\na IN 30 A 192.0.2.1\nb 30 IN A 192.0.2.2\n', records: ['a.example.com. 30 A', 'b.example.com. 30 A'] },
    { name: 'a second class after the TTL is read as the type', zone: '$TTL 60\na IN 30 IN A 192.0.2.1\n', records: [], problems: ['zone-unknown-type@2'] },
    { name: 'class mismatch', zone: '$TTL 60\na CH TXT "x"\n', records: [], problems: ['zone-class-mismatch@2'] },
    { name: 'CLASS1 and TYPE1 generic forms', zone: '$TTL 60\na CLASS1 TYPE1 192.0.2.1\n', records: ['a.example.com. 60 A'] },
    { name: 'type mnemonics are case-insensitive', zone: '$ttl 60\na in a 192.0.2.1\n', records: ['a.example.com. 60 A'] },
    // The header reader compares class names in place; these cross its branches (any case, CLASSnnn, type
    // mnemonics that start like a class name).
    { name: 'class names in any case', zone: '$TTL 60\na In A 192.0.2.1\nb 30 iN A 192.0.2.2\nc CLASS1 A 192.0.2.3\n', records: ['a.example.com. 60 A', 'b.example.com. 30 A', 'c.example.com. 60 A'] },
    {
      name: 'other classes are a mismatch in any case',
      zone: '$TTL 60\na chaos TXT "x"\nb Hesiod TXT "x"\nc none TXT "x"\nd ANY TXT "x"\ne CLASS3 TXT "x"\nf 30 hs TXT "x"\n',
      records: [],
      problems: ['zone-class-mismatch@2', 'zone-class-mismatch@3', 'zone-class-mismatch@4', 'zone-class-mismatch@5', 'zone-class-mismatch@6', 'zone-class-mismatch@7'],
    },
    {
      name: 'type mnemonics that start like a class name',
      zone: '$TTL 60\na CNAME b\nb AAAA 2001:db8::1\nc HINFO "x" "y"\nd NAPTR 1 1 "" "" "" .\ne CH2 A 192.0.2.1\n',
      records: ['a.example.com. 60 CNAME', 'b.example.com. 60 AAAA', 'c.example.com. 60 HINFO', 'd.example.com. 60 NAPTR'],
      problems: ['zone-unknown-type@6'],
    },
    { name: 'an indented $TTL is a type', zone: '$TTL 60\na A 192.0.2.1\n  $TTL 30\n', records: ['a.example.com. 60 A'], problems: ['zone-unknown-type@3'] },
  ],
  directives: [
    { name: 'unknown directive', zone: '$FOO bar\n', records: [], problems: ['zone-syntax@1'] },
    { name: '$DATE is accepted', zone: '$DATE 20240101120000\n$TTL 60\na A 192.0.2.1\n', records: ['a.example.com. 60 A'] },
    { name: 'extra input after $TTL', zone: '$TTL 60 70\n', records: [], problems: ['zone-syntax@1'] },
  ],
  $GENERATE: [
    { name: 'plain iterator', zone: '$TTL 60\n$GENERATE 1-3 host$ A 192.0.2.$\n', records: ['host1.example.com. 60 A', 'host2.example.com. 60 A', 'host3.example.com. 60 A'] },
    { name: 'step', zone: '$TTL 60\n$GENERATE 0-10/5 h$ A 192.0.2.1\n', records: ['h0.example.com. 60 A', 'h5.example.com. 60 A', 'h10.example.com. 60 A'] },
    { name: 'width and base', zone: '$TTL 60\n$GENERATE 10-11 h${0,3,x} TXT "x"\n', records: ['h00a.example.com. 60 TXT', 'h00b.example.com. 60 TXT'] },
    { name: 'nibble mode', zone: '$TTL 60\n$GENERATE 1024-1025 ${0,3,n} PTR host$\n', records: ['0.0.4.example.com. 60 PTR', '1.0.4.example.com. 60 PTR'] },
    { name: 'TTL and class on the line', zone: '$TTL 60\n$GENERATE 1-1 h$ 300 IN A 192.0.2.1\n', records: ['h1.example.com. 300 A'] },
    { name: 'quoted rhs with spaces', zone: '$TTL 60\n$GENERATE 1-2 h$ MX "10 mx$"\n', records: ['h1.example.com. 60 MX', 'h2.example.com. 60 MX'] },
    { name: 'unquoted rhs with spaces', zone: '$TTL 60\n$GENERATE 1-2 h$ MX 10 mx$\n', records: [], problems: ['zone-syntax@2'] },
    { name: '$$ is a literal dollar', zone: '$TTL 60\n$GENERATE 1-1 h$ TXT "cost$$"\n', records: ['h1.example.com. 60 TXT'] },
  ],
};

describe('parser', () => {
  for (const [group, cases] of Object.entries(TABLES)) {
    describe(group, () => {
      for (const c of cases) {
        it(c.name, () => {
          const zone = parse(c.zone, { origin: c.origin });
          assert.deepEqual(records(zone), c.records);
          assert.deepEqual(problems(zone), c.problems ?? []);
        });
      }
    });
  }

  describe('$INCLUDE', () => {
    it('reads the file relative to the zone file with its origin, then restores origin and owner', () => {
      const zone = parse('$TTL 60\nwww A 192.0.2.1\n$INCLUDE sub.inc sub\n  AAAA 2001:db8::1\nafter A 192.0.2.9\n', {
        files: { '/z/sub.inc': 'host A 192.0.2.2\n$ORIGIN other.example.com.\nx A 192.0.2.3\n' },
      });
      assert.deepEqual(records(zone), ['www.example.com. 60 A', 'host.sub.example.com. 60 A', 'x.other.example.com. 60 A', 'www.example.com. 60 AAAA', 'after.example.com. 60 A']);
      assert.equal(zone.records[1].file.path, '/z/sub.inc');
      assert.deepEqual(zone.includes.map((i) => [i.target, i.loaded]), [['/z/sub.inc', true]]);
    });
    it('an included file inherits the current owner', () => {
      const zone = parse('$TTL 60\nwww A 192.0.2.1\n$INCLUDE more.inc\n', { files: { '/z/more.inc': '  AAAA 2001:db8::1\n' } });
      assert.deepEqual(records(zone), ['www.example.com. 60 A', 'www.example.com. 60 AAAA']);
    });
    it('reports cycles, missing files and files outside the workspace', () => {
      const zone = parse('$TTL 60\n$INCLUDE a.inc\n$INCLUDE missing.inc\n$INCLUDE /etc/passwd\n', { files: { '/z/a.inc': '$INCLUDE a.inc\n' } });
      assert.deepEqual(problems(zone), ['zone-include@1', 'zone-include@3', 'zone-include@4']);
      assert.equal(zone.parseFindings[0].location.file.path, '/z/a.inc');
    });
    it('stops nesting past 16 levels', () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 20; i++) files[`/z/${i}.inc`] = `$INCLUDE ${i + 1}.inc\n`;
      const zone = parse('$INCLUDE 0.inc\n', { files });
      assert.equal(zone.parseFindings.length, 1);
      assert.match(zone.parseFindings[0].message, /nested more than 16 deep/);
    });
  });

  describe('character-strings', () => {
    // A file that is all ASCII takes a token without a backslash as its own octets; any other file decodes each.
    it('gives the same octets whether or not the file is all ASCII', () => {
      const ascii = parse('$TTL 60\na TXT "plain" "esc\\059aped"\n');
      const other = parse('$TTL 60\na TXT "plain" "esc\\059aped"\nb TXT "caf\u00e9"\n');
      const values = (zone: typeof ascii) => zone.records.flatMap((record) => (record.data.kind === 'txt' ? record.data.strings.map((s) => s.value) : []));
      assert.deepEqual(values(ascii), ['plain', 'esc;aped']);
      assert.deepEqual(values(other), ['plain', 'esc;aped', 'caf\u00c3\u00a9']);
    });
  });

  describe('error recovery', () => {
    it('reports every bad line and keeps every good one', () => {
      const zone = parse('$TTL 60\na A 1.2.3\nb A 192.0.2.2\nc FOO x\nd A 192.0.2.4\ne TXT "open\nf A 192.0.2.6\n');
      assert.deepEqual(records(zone), ['b.example.com. 60 A', 'd.example.com. 60 A', 'f.example.com. 60 A']);
      assert.deepEqual(problems(zone), ['zone-bad-rdata@2', 'zone-unknown-type@4', 'zone-syntax@6']);
    });
    it('an unclosed parenthesis points at where it was opened and the next records still load', () => {
      const zone = parse('$TTL 60\n@ SOA ns hm ( 1 2 3 4 5\nwww A 192.0.2.1\n');
      assert.deepEqual(problems(zone), ['zone-syntax@2']);
      const finding = zone.parseFindings[0];
      assert.equal(finding.location.file.text.slice(finding.location.span.start, finding.location.span.end), '(');
      assert.deepEqual(records(zone), ['www.example.com. 60 A']);
    });
  });

  it('keeps exact spans for owner, TTL, type, rdata and each TXT string', () => {
    const text = '$TTL 60\nk1._domainkey 300 IN TXT ( "v=DKIM1; "\n    "p=abc" )\n';
    const [record] = parse(text).records;
    const slice = (span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);
    assert.equal(slice(record.ownerSpan), 'k1._domainkey');
    assert.equal(slice(record.ttlSpan), '300');
    assert.equal(slice(record.typeSpan), 'TXT');
    assert.equal(slice(record.rdataSpan), '"v=DKIM1; "\n    "p=abc"');
    assert.equal(record.data.kind, 'txt');
    if (record.data.kind === 'txt') {
      assert.deepEqual(record.data.strings.map((s) => slice(s.span)), ['"v=DKIM1; "', '"p=abc"']);
      assert.deepEqual(record.data.strings.map((s) => s.value), ['v=DKIM1; ', 'p=abc']);
    }
  });
});
