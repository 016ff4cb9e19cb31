// Property tests of the DMARC index the dmarc-* rules share: the in-place tests it is built with agree with the
// full parse and the patterns they replace, and each rule's list of records holds every record the rule reports.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DmarcIndex, DmarcRecord, DmarcTag, DmarcTxt } from '../../../server/src/core/email/dmarc';
import {
  dmarcPlacement,
  dmarcTag,
  dmarcTxtOf,
  dmarcValueProblem,
  parseDmarcRecord,
  parseReportUris,
  placementKindOf,
  plainMailtoDomain,
  startsLikeDmarc,
} from '../../../server/src/core/email/dmarc';
import { dmarcIndex } from '../../../server/src/core/email/mailDomains';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../../../server/src/core/index';
import { escapeLabel, isSubdomainOf, labelsOf, nameKey } from '../../../server/src/core/zone/names';
import type { Zone } from '../../../server/src/core/zone/model';

/** Pieces DMARC texts are made of, chosen to reach the edge of each test. */
const TEXT_PIECES = ['v', 'V', '=', ' ', '\t', 'DMARC1', 'dmarc1', 'DMARC', '1', 'x', 'spf1', ';', 'p', 'rua', 'mailto:', 'a@example.com', ','];

const dmarcishText = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('startsLikeDmarc', () => {
  it('agrees with the pattern /^[ \\t]*v[ \\t]*=[ \\t]*dmarc1(?![0-9a-z])/i', () => {
    fc.assert(
      fc.property(dmarcishText, (text) => {
        assert.equal(startsLikeDmarc(text), /^[ \t]*v[ \t]*=[ \t]*dmarc1(?![0-9a-z])/i.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Pieces of report URIs, the ones the URI check treats apart among them. */
const URI_PIECES = ['a', 'B', '0', '.', '..', '-', '_', '+', '%41', '%', '!', '!10m', '?x=1', '/', '//', '"', '[', ']', ' ', '@', 'x'.repeat(64)];

/** One piece, mostly a sound one, sometimes an odd one. */
function mostly(...sound: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...sound) }, { weight: 1, arbitrary: fc.constantFrom(...URI_PIECES) });
}

/** Address-shaped URIs (scheme, local part, `@`, host) with odd pieces mixed in, so that both answers occur. */
const uriText = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom('mailto:', 'MailTo:') }, { weight: 1, arbitrary: fc.constantFrom('https:', 'mailto', '') }),
    fc.array(mostly('a', 'b.c', 'First.Last', 'x+y'), { minLength: 1, maxLength: 3 }),
    mostly('@'),
    fc.array(mostly('example', 'com', 'a-b', 'x'.repeat(63), '-a', 'b-'), { minLength: 1, maxLength: 4 }),
    mostly('', '.'),
  )
  .map(([scheme, local, at, host, end]) => `${scheme}${local.join('')}${at}${host.join('.')}${end}`);

describe('plainMailtoDomain', () => {
  it('finds a domain only in URIs the full check takes without a problem, and finds that domain', () => {
    let found = 0;
    fc.assert(
      fc.property(uriText, (uri) => {
        const text = `v=DMARC1; rua=${uri}`;
        const start = text.indexOf('rua=') + 4;
        const domainStart = plainMailtoDomain(text, start, text.length);
        if (domainStart < 0) return;
        found++;
        const [checked] = parseReportUris(dmarcTag(parseDmarcRecord(text), 'rua') as DmarcTag);
        assert.equal(checked.problem, undefined, uri);
        assert.equal(checked.address?.domain, text.slice(domainStart).replace(/\.$/, '').toLowerCase(), uri);
      }),
      { numRuns: 5000 },
    );
    assert.ok(found > 100, `only ${found} URIs were plain`);
  });

  const plain: ReadonlyArray<[string, string | undefined]> = [
    ['mailto:dmarc@example.com', 'example.com'],
    ['MailTo:First.Last+tag@Sub.Example.COM.', 'Sub.Example.COM'],
    ['mailto:a@example.com!10m', undefined],
    ['mailto:%61@example.com', undefined],
    ['mailto:"a"@example.com', undefined],
    ['mailto:a@[192.0.2.1]', undefined],
    ['mailto://a@example.com', undefined],
    ['mailto:a@localhost', undefined],
  ];
  for (const [uri, domain] of plain) {
    it(`${uri}: ${domain ?? 'left to the full check'}`, () => {
      const at = plainMailtoDomain(uri, 0, uri.length);
      assert.equal(at < 0 ? undefined : uri.slice(at).replace(/\.$/, ''), domain);
    });
  }
});

/** Labels of owner names, canonical once escaped: the DMARC labels in any case, dots and escapes inside labels. */
const label = fc.constantFrom('_dmarc', '_DMARC', '_report', '_Report', 'a', 'b', 'x.y', '_dmarc.', 'c\\d', '*', '_domainkey');

describe('dmarcPlacement', () => {
  it('agrees with reading the decoded labels of a canonical name', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), (labels) => {
        const owner = `${labels.map(escapeLabel).join('.')}.`;
        const expected = placementFromLabels(owner);
        assert.deepEqual(dmarcPlacement(owner), expected, owner);
        assert.equal(placementKindOf(owner), expected.kind, owner);
      }),
      { numRuns: 2000 },
    );
  });
});

/** RFC 9989's placement rule, written from the decoded labels as the specification states it. */
function placementFromLabels(owner: string): ReturnType<typeof dmarcPlacement> {
  const labels = labelsOf(owner);
  const lower = labels.map((l) => l.toLowerCase());
  const name = (part: readonly string[]) => (part.length === 0 ? '.' : `${part.map(escapeLabel).join('.')}.`);
  if (lower[0] === '_dmarc') return { kind: 'policy', domain: name(labels.slice(1)) };
  for (let i = 1; i + 1 < lower.length; i++) {
    if (lower[i] === '_report' && lower[i + 1] === '_dmarc') {
      return { kind: 'report-authorization', reportedDomain: name(labels.slice(0, i)), destination: name(labels.slice(i + 2)) };
    }
  }
  return { kind: 'elsewhere' };
}

/** A zone made of a head and `records`. */
function zoneOf(records: string): Zone {
  const path = '/work/zones/example.com.zone';
  const text = `$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n${records}`;
  const workspace = new ZonelintWorkspace({ settings: DEFAULT_SETTINGS, dns: 'off', host: { readFile: () => text, mayRead: () => true } });
  workspace.setFile(path, text, 'example.com.');
  const zone = workspace.zone(path);
  assert.ok(zone !== undefined);
  return zone;
}

/**
 * Every TXT record of a zone that matters to DMARC (at a `_dmarc` name, or starting like a DMARC record), each read
 * on its own: what the index must account for.
 */
function dmarcEntries(zone: Zone): DmarcTxt[] {
  return zone.records.flatMap((record) => {
    const entry = dmarcTxtOf(record);
    if (entry === undefined || record.data.kind !== 'txt') return [];
    return entry.placementKind !== 'elsewhere' || startsLikeDmarc(record.data.joinedValue) ? [entry] : [];
  });
}

function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\009')}"`;
}

/** Tags and values that make the rules report, and some that do not. */
const TAG_SPECS = [
  'p=none', 'p=None', 'p=quarantine', 'p=reject', 'p=n', 'p=', 'sp=none', 'sp=reject', 'np=quarantine', 'np=x',
  'rua=mailto:a@example.com', 'rua=mailto:a@shop.example.com', 'rua=mailto:a@b.example.com', 'rua=mailto:a@com', 'rua=mailto:a@x.shop.example.com',
  'rua=mailto:a@example.net', 'rua=mailto:a@example.com!10m', 'rua=mailto:a@example.com,mailto:b@example.net',
  'ruf=mailto:a@example.com, https://x', 'rua=', 'rua=mailto:a..b@example.com', 'RUA=mailto:a@EXAMPLE.COM.',
  'adkim=r', 'adkim=x', 'aspf=S', 't=y', 't=yes', 'psd=u', 'fo=0:1', 'fo=z', 'pct=50', 'rf=afrf', 'ri=3600', 'foo=bar', 'P=reject',
  'v=DMARC1', '9x=1', 'junk', '', 'p=reject\u0001',
];

const recordText = fc
  .tuple(fc.constantFrom('v=DMARC1', 'v=DMARC1', 'V=DMARC1', 'v=dmarc1', 'v=DMARC1 p=none', 'v=spf1', ''), fc.array(fc.constantFrom(...TAG_SPECS), { maxLength: 6 }), fc.constantFrom('; ', ';', ' ; '))
  .map(([version, tags, separator]) => [version, ...tags].join(separator));

const owner = fc.constantFrom('_dmarc', '_dmarc.shop', '_DMARC.Shop', '_dmarc.a\\.b', 'example.com._report._dmarc', 'shop');

describe('DmarcIndex', function () {
  this.timeout(60000);

  it('lists every record each rule reports among the records it gives that rule', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(owner, recordText), { minLength: 1, maxLength: 6 }), (records) => {
        const zone = zoneOf(records.map(([name, text]) => `${name} TXT ${quoted(text)}\n`).join(''));
        const index = dmarcIndex(zone);
        const entries = dmarcEntries(zone);
        for (const entry of entries) {
          for (const [list, reports] of Object.entries(RULE_CONDITIONS)) {
            const listed = index[list as keyof typeof RULE_CONDITIONS].some((other) => other.record === entry.record);
            if (reports(entry)) assert.ok(listed, `${list}: ${entry.value}`);
          }
        }
        const atName = new Map<string, DmarcTxt[]>();
        for (const entry of entries) {
          if (entry.placementKind === 'elsewhere' || entry.kind !== 'dmarc') continue;
          atName.set(nameKey(entry.record.owner), [...(atName.get(nameKey(entry.record.owner)) ?? []), entry]);
        }
        const sharing = [...atName.values()].filter((list) => list.length > 1).flat();
        assert.deepEqual(
          index.sharingName.map((entry) => entry.record),
          sharing.map((entry) => entry.record),
        );
      }),
      { numRuns: 400 },
    );
  });
});

/** When each dmarc-* rule reports a record, from the full parse: the lists must hold at least these records. */
const RULE_CONDITIONS: Readonly<Record<Exclude<keyof DmarcIndex, 'sharingName'>, (entry: DmarcTxt) => boolean>> = {
  misplaced: (entry) => entry.placementKind === 'elsewhere',
  notDmarc: (entry) => entry.placementKind !== 'elsewhere' && entry.kind === 'not-dmarc',
  repeatingTag: (entry) => checked(entry) && new Set(entry.parsed.tags.map((tag) => tag.key)).size < entry.parsed.tags.length,
  withRemovedTag: (entry) => checked(entry) && entry.parsed.tags.some((tag) => ['pct', 'rf', 'ri'].includes(tag.key)),
  withUnknownTag: (entry) =>
    checked(entry) && entry.parsed.tags.some((tag) => !['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 't', 'psd', 'pct', 'rf', 'ri'].includes(tag.key)),
  withUnusualReportUri: (entry) => checked(entry) && reportTags(entry.parsed).some((tag) => parseReportUris(tag).some((uri) => uri.problem !== undefined)),
  reportingElsewhere: (entry) => {
    const placement = entry.placement;
    if (!policy(entry) || placement.kind !== 'policy') return false;
    return reportTags(entry.parsed).some((tag) =>
      parseReportUris(tag).some((uri) => {
        if (uri.address === undefined) return false;
        const destination = `${uri.address.domain}.`;
        return !isSubdomainOf(destination, placement.domain) && !isSubdomainOf(placement.domain, destination);
      }),
    );
  },
  withoutPolicy: (entry) => policy(entry) && dmarcTag(entry.parsed, 'p') === undefined,
  withoutRua: (entry) => policy(entry) && dmarcTag(entry.parsed, 'rua') === undefined,
  policyNone: (entry) => policy(entry) && dmarcTag(entry.parsed, 'p')?.value.toLowerCase() === 'none',
  withSubdomainPolicy: (entry) => {
    const value = dmarcTag(entry.parsed, 'p')?.value.toLowerCase();
    return policy(entry) && (value === 'quarantine' || value === 'reject') && (dmarcTag(entry.parsed, 'sp') ?? dmarcTag(entry.parsed, 'np')) !== undefined;
  },
  syntaxSuspects: (entry) => {
    if (!checked(entry)) return false;
    const { parsed } = entry;
    const p = dmarcTag(parsed, 'p');
    return (
      parsed.versionProblem !== undefined ||
      parsed.tagList.problems.some((problem) => problem.kind !== 'trailing-whitespace') ||
      parsed.tags.some((tag) => dmarcValueProblem(tag) !== undefined) ||
      (policy(entry) && p !== undefined && parsed.tags[1] !== p)
    );
  },
};

function checked(entry: DmarcTxt): boolean {
  return entry.placementKind !== 'elsewhere' && entry.kind !== 'not-dmarc';
}

function policy(entry: DmarcTxt): boolean {
  return entry.placementKind === 'policy' && entry.kind === 'dmarc';
}

function reportTags(record: DmarcRecord): DmarcTag[] {
  return record.tags.filter((tag) => tag.key === 'rua' || tag.key === 'ruf');
}
