// Differential tests of the one pass over a zone's records that the mail rules share (mailDomains.ts): what it finds
// for the dkim-* rules and mail-dkim-missing, and the in-place shortcuts it takes (key-record domains as offsets,
// Microsoft 365 MX hosts, the source places of record text), each against the straightforward computation.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dkimKeyName, KEY_NAME_WITH_ESCAPES, keyDomainStart, looksLikeDkim } from '../../../server/src/core/email/dkim';
import { dkimKeyRecords, isNoMailSpf, microsoft365Owners, selectorCnames, strayKeyRecords, zoneMail } from '../../../server/src/core/email/mailDomains';
import { isMicrosoft365Mx, isNewMicrosoft365Mx, microsoft365IncludeRange } from '../../../server/src/core/email/microsoft365';
import { joinStrings, sourceSpan } from '../../../server/src/core/email/recordText';
import { isSpfText, nameFromLabels } from '../../../server/src/core/email/txtRecords';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../../../server/src/core/index';
import type { ResourceRecord, Zone } from '../../../server/src/core/zone/model';
import { nameKey } from '../../../server/src/core/zone/names';
import { HEAD } from './table';
import { cutText } from '../support';

/** The zone of a head and some record lines, origin example.com. */
function zoneOf(lines: readonly string[]): Zone {
  const path = '/work/zones/example.com.zone';
  const text = `${HEAD}${lines.join('\n')}\n`;
  const workspace = new ZonelintWorkspace({ settings: { ...DEFAULT_SETTINGS, dns: 'off' }, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
  workspace.setFile(path, text, 'example.com.');
  const zone = workspace.zone(path);
  assert.ok(zone !== undefined);
  return zone;
}

function joinedText(record: ResourceRecord): string {
  return record.data.kind === 'txt' ? record.data.strings.map((s) => s.value).join('') : '';
}

describe('the mail pass over a zone', function () {
  this.timeout(60000);

  const owner = fc.constantFrom('@', 'a', 'B', 's1._domainkey', 'S1._DomainKey.a', '_dmarc', '_dmarc.a', 'x._report._dmarc', '_adsp._domainkey', 'sel\\.x._domainkey', 'v');
  const rest = fc.constantFrom(
    'TXT "v=DKIM1; k=rsa; p=QUJD"',
    'TXT " v = DKIM1 ; p="',
    'TXT "v=DK" "IM1; p=QUJD"',
    'TXT "v=spf1 include:spf.protection.outlook.com -all"',
    'TXT "v=spf1 include:SPF.Protection." "Outlook.com ~all"',
    'TXT "v=spf1 mx -all"',
    'TXT "v=spf1 -all"',
    'TXT "v=DMARC1; p=none"',
    'TXT "hello"',
    'MX 0 a-example-com.mail.protection.outlook.com.',
    'MX 0 a.B-v1.MX.Microsoft.',
    'MX 10 mail',
    'MX 0 .',
    'CNAME selector1-example-com._domainkey.tenant.onmicrosoft.com.',
    'A 192.0.2.1',
  );

  it('finds the records the dkim-* rules read as a scan of each kind would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(owner, rest), { maxLength: 12 }), (lines) => {
        const zone = zoneOf(lines.map(([name, data]) => `${name} ${data}`));
        const txt = zone.records.filter((record) => record.type === 16 && record.data.kind === 'txt');
        assert.deepEqual(
          dkimKeyRecords(zone).map((entry) => entry.record),
          txt.filter((record) => dkimKeyName(record.owner) !== undefined),
        );
        assert.deepEqual(
          strayKeyRecords(zone),
          txt.filter((record) => dkimKeyName(record.owner) === undefined && looksLikeDkim(joinedText(record))),
        );
        assert.deepEqual(
          selectorCnames(zone),
          zone.records.filter((record) => record.type === 5 && record.data.kind === 'target' && dkimKeyName(record.owner) !== undefined),
        );
        const shows = (record: ResourceRecord): boolean =>
          record.data.kind === 'mx'
            ? isMicrosoft365Mx(record.data.exchange)
            : record.type === 16 && isSpfText(joinedText(record)) && microsoft365IncludeRange(joinedText(record)) !== undefined;
        assert.deepEqual([...microsoft365Owners(zone)].sort(), [...new Set(zone.records.filter(shows).map((record) => nameKey(record.owner)))].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('tells an SPF text as the pattern of RFC 7208 §4.5 does (v=spf1, any case, then a space or the end)', () => {
    const text = fc.array(fc.constantFrom('v', 'V', '=', 's', 'S', 'p', 'P', 'f', 'F', '1', ' ', '-', 'a', '0'), { maxLength: 9 }).map((chars) => chars.join(''));
    const prefixed = fc.tuple(fc.constantFrom('v=spf1', 'V=SPF1', 'v=spf'), text).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(text, prefixed), (value) => {
        assert.equal(isSpfText(value), /^v=spf1(?: |$)/i.test(value), JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('lists the SPF candidates and tells a name with two SPF records as a scan of the TXT records would', () => {
    const spfOwner = fc.constantFrom('@', 'a', 'A', 'b', '_spf');
    const spfRest = fc.constantFrom('TXT "v=spf1 -all"', 'TXT "V=SPF1 mx -all"', 'TXT "v=spf1" " a -all"', 'TXT "v=spf10 -all"', 'TXT "spf2.0/pra -all"', 'TXT "SPF2.0/" "mfrom -all"', 'TXT "v=DMARC1; p=none"', 'TXT "hello"');
    fc.assert(
      fc.property(fc.array(fc.tuple(spfOwner, spfRest), { maxLength: 8 }), (lines) => {
        const zone = zoneOf(lines.map(([name, data]) => `${name} ${data}`));
        const txt = zone.records.filter((record) => record.type === 16 && record.data.kind === 'txt');
        const mail = zoneMail(zone);
        assert.deepEqual(mail.spfCandidates, txt.filter((record) => /^(v=spf1|spf2\.0\/)/i.test(joinedText(record))));
        const spfOwners = txt.filter((record) => isSpfText(joinedText(record))).map((record) => nameKey(record.owner));
        assert.equal(mail.spfNameShared, new Set(spfOwners).size < spfOwners.length);
      }),
      { numRuns: 300 },
    );
  });

  it('marks a domain as declaring no mail when its SPF text is v=spf1 -all, however the strings are cut', () => {
    const pieces = fc.array(fc.constantFrom('v=spf1', 'V=SPF1', ' ', '-all', '-ALL', 'a', 'l', '-', 'mx', '~all'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 3 }), (parts, cuts) => {
        const text = parts.join('');
        const strings = cutText(text, cuts);
        const mail = zoneOf([`a TXT ${strings.map((s) => `"${s}"`).join(' ')}`]);
        const declaring = zoneMail(mail).declaringNoMail.map((domain) => domain.name);
        assert.deepEqual(declaring, isSpfText(text) && isNoMailSpf(text) ? ['a.example.com.'] : [], JSON.stringify(strings));
      }),
      { numRuns: 500 },
    );
  });
});

describe('keyDomainStart', () => {
  it('places the domain where dkimKeyName finds it, on canonical names', () => {
    const label = fc.constantFrom('_domainkey', '_DomainKey', '_domainkeys', '_adsp', '_report', 'sel', 'a-b', '*', 'x.y', 'a b', 'é', 'a(b', '_');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), (labels) => {
        const owner = nameFromLabels(labels);
        const start = keyDomainStart(owner);
        const key = dkimKeyName(owner);
        if (start === -1) assert.equal(key, undefined, owner);
        else {
          assert.ok(key !== undefined, owner);
          if (start !== KEY_NAME_WITH_ESCAPES) assert.equal(start >= owner.length ? '.' : owner.slice(start), key.domain, owner);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the Microsoft 365 MX hosts, read in place', () => {
  it('are the names the patterns match', () => {
    const label = fc.constantFrom('mail', 'protection', 'outlook', 'com', 'OUTLOOK', 'x', 'B-v1', 'b-v1', 'bb-v1', '1-v1', '-v1', 'mx', 'MX', 'microsoft', 'Microsoft');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), (labels) => {
        const exchange = `${labels.join('.')}.`;
        const lower = exchange.toLowerCase();
        const isNew = /\.[a-z]-v1\.mx\.microsoft\.$/.test(lower);
        assert.equal(isNewMicrosoft365Mx(exchange), isNew, exchange);
        assert.equal(isMicrosoft365Mx(exchange), lower.endsWith('.mail.protection.outlook.com.') || isNew, exchange);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sourceSpan', () => {
  /** The source units of a raw string (an escape, or one character) with the octets each stands for. */
  function units(raw: string): Array<{ start: number; end: number; octets: number }> {
    const found: Array<{ start: number; end: number; octets: number }> = [];
    for (let i = 0; i < raw.length; ) {
      let width: number;
      let octets: number;
      if (raw[i] === '\\' && /[0-9]/.test(raw[i + 1])) {
        width = 4;
        octets = 1;
      } else {
        const at = raw[i] === '\\' ? i + 1 : i;
        const char = String.fromCodePoint(raw.codePointAt(at)!);
        width = at - i + char.length;
        octets = Buffer.byteLength(char, 'utf8');
      }
      found.push({ start: i, end: i + width, octets });
      i += width;
    }
    return found;
  }

  it('puts each octet of a record text where its source is written, escapes and all', () => {
    const piece = fc.constantFrom('a', ' ', ';', '\\"', '\\\\', '\\065', '\\;', 'é', '😀');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), (strings) => {
        const zone = zoneOf([`a TXT ${strings.map((pieces) => `"${pieces.join('')}"`).join(' ')}`]);
        const record = zone.records.find((found) => found.type === 16);
        assert.ok(record !== undefined && record.data.kind === 'txt');
        const text = joinStrings(record.data.strings);
        let offset = 0;
        for (const s of record.data.strings) {
          const base = s.span.start + 1;
          for (const unit of units(s.raw)) {
            for (let octet = 0; octet < unit.octets; octet++) {
              assert.deepEqual(sourceSpan(text, offset, offset + 1), { start: base + unit.start, end: base + unit.end }, `${s.raw} at ${offset}`);
              offset++;
            }
          }
        }
        assert.equal(offset, text.text.length);
      }),
      { numRuns: 300 },
    );
  });
});
