// Unit tests for the compact form of key records that the dkim-* rules share, and for the shortcuts behind it: the
// plain tag-list reading, the base64 check, the DER reader of RSA keys, the in-place `v=DKIM1` test and the scan for
// Microsoft 365 records. Each must agree with what it stands in for (the full parse, OpenSSL, the pattern), on table
// cases and on random ones.

import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import type { DkimTxt } from '../../../server/src/core/email/dkim';
import {
  dkimKeyName,
  dkimSyntaxProblems,
  findTag,
  hasTrait,
  knownKeyType,
  looksLikeDkim,
  OBSOLETE_DKIM_TAGS,
  parseDkimKeyRecord,
  rsaVerdictFromOpenSsl,
  startsLikeDkim,
} from '../../../server/src/core/email/dkim';
import { dkimKeyRecords, microsoft365Owners } from '../../../server/src/core/email/mailDomains';
import { nameFromLabels, recordTextOf } from '../../../server/src/core/email/txtRecords';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../../../server/src/core/index';
import type { Zone } from '../../../server/src/core/zone/model';
import { labelsOf } from '../../../server/src/core/zone/names';
import { ED25519, HEAD, RSA_1024, RSA_2048, RSA_512 } from './table';

/**
 * A zone holding one key record per text (written as zone text, `\DDD` escapes allowed), each split into
 * character-strings of at most `chunk` octets.
 */
function zoneOf(texts: readonly string[], chunk = 200): Zone {
  const path = '/work/zones/example.com.zone';
  const lines = texts.map((text, index) => {
    const octets = text.match(/\\[0-9]{3}|[^]/g) ?? [];
    const strings: string[] = [];
    for (let at = 0; at < octets.length || strings.length === 0; at += chunk) strings.push(`"${octets.slice(at, at + chunk).join('')}"`);
    return `s${index}._domainkey TXT ( ${strings.join(' ')} )`;
  });
  const workspace = new ZonelintWorkspace({ settings: { ...DEFAULT_SETTINGS, dns: 'off' }, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
  workspace.setFile(path, `${HEAD}${lines.join('\n')}\n`, 'example.com.');
  const zone = workspace.zone(path);
  assert.ok(zone !== undefined);
  return zone;
}

/** Asserts that a compact entry says what the full parse of its record's text says. */
function assertAgreesWithParse(entry: DkimTxt): void {
  const text = recordTextOf(entry.record).text;
  const parsed = parseDkimKeyRecord(text);
  const key = parsed.key;
  const problems = dkimSyntaxProblems(parsed);
  const context = `record text: ${JSON.stringify(text)}`;
  assert.deepEqual(entry.key, key.kind === 'decoded' ? key.key : undefined, context);
  if (key.kind !== 'missing') {
    assert.deepEqual([entry.keyValueStart, entry.keyValueEnd], [key.tag.valueRange.start, key.tag.valueRange.end], context);
  }
  assert.equal(hasTrait(entry, 'hashes'), findTag(parsed.tags, 'h') !== undefined, context);
  assert.equal(hasTrait(entry, 'flags'), findTag(parsed.tags, 't') !== undefined, context);
  assert.equal(hasTrait(entry, 'obsoleteTag'), parsed.tags.some((tag) => OBSOLETE_DKIM_TAGS.has(tag.name)), context);
  assert.equal(hasTrait(entry, 'unknownKeyType'), parsed.keyTypeTag !== undefined && knownKeyType(parsed) === undefined, context);
  assert.equal(hasTrait(entry, 'revoked'), key.kind === 'revoked', context);
  // dkim-syntax reads again every record with the trait: it may be set without a problem, for a record with h=.
  if (problems.length > 0) assert.ok(hasTrait(entry, 'syntax'), context);
  else if (hasTrait(entry, 'syntax')) assert.ok(findTag(parsed.tags, 'h') !== undefined, context);
}

const ED25519_SPKI = 'MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const RSA_1024_PKCS1 = Buffer.from(RSA_1024, 'base64').subarray(22).toString('base64');

describe('the compact form of key records', () => {
  const cases: readonly string[] = [
    `v=DKIM1; k=rsa; p=${RSA_2048}`,
    `v=DKIM1; p=${RSA_1024}`,
    `v=DKIM1; p=${RSA_512}`,
    `v=DKIM1; k=ed25519; p=${ED25519}`,
    `v=DKIM1; k=ed25519; p=${ED25519_SPKI}`,
    `v=DKIM1; k=rsa; p=${ED25519_SPKI}`,
    `v=DKIM1; p=${RSA_1024_PKCS1}`,
    `v=DKIM1; k=RSA; h=sha256; t=y:s; p=${RSA_1024}`,
    `v=DKIM1; h=sha1; p=${RSA_1024}`,
    `v=DKIM1; g=*; p=${RSA_1024}`,
    `v=DKIM1; k=future; p=${ED25519}`,
    `v=DKIM1; k=rsa-sha256; p=${RSA_1024}`,
    'v=DKIM1; p=',
    'v=DKIM1; p= ;',
    'v=DKIM1',
    'v=DKIM1; p=AB$D',
    'v=DKIM1; p=ABC',
    'v=DKIM1; p=AB==CD==',
    'v=DKIM1; p=A===',
    'v=DKIM1; p=AB==',
    'v=DKIM1; p=AB=',
    `v=DKIM1; p=${RSA_1024.slice(0, 60)} ${RSA_1024.slice(60)}`,
    `v=DKIM1; p=${RSA_1024.slice(0, 60)}\\009${RSA_1024.slice(60)}`,
    `v=DKIM1; p=${RSA_1024.slice(0, -4)}AQA=`,
    `k=rsa; v=DKIM1; p=${RSA_1024}`,
    `v=dkim1; p=${RSA_1024}`,
    `v=DKIM1 p=${RSA_1024}`,
    `v=DKIM1;; p=${RSA_1024}`,
    `v=DKIM1; p=${RSA_1024}; `,
    `v=DKIM1; p=${RSA_1024};`,
    `;v=DKIM1; p=${RSA_1024}`,
    `v=DKIM1; p=${RSA_1024}; p=${RSA_512}`,
    `v=DKIM1; k=rsa; k=ed25519; p=${RSA_1024}`,
    `v=DKIM1; key=x; p=${RSA_1024}`,
    `v=DKIM1; 1=x; p=${RSA_1024}`,
    `v=DKIM1; =x; p=${RSA_1024}`,
    `v=DKIM1; n=caf\\233; p=${RSA_1024}`,
    `v=DKIM1; P=${RSA_1024}`,
    `V=DKIM1; p=${RSA_1024}`,
    `  v = DKIM1 ;  k = rsa ;  p = ${RSA_1024}  `,
    '',
  ];
  it('agrees with the full parse on every table case', () => {
    const zone = zoneOf(cases);
    const entries = dkimKeyRecords(zone);
    assert.equal(entries.length, cases.length);
    for (const entry of entries) assertAgreesWithParse(entry);
  });

  it('agrees with the full parse on random tag lists', () => {
    const names = ['v', 'k', 'p', 'h', 't', 'g', 's', 'n', 'V', 'P', 'x1', '1a', '', 'p p'];
    const values = [
      'DKIM1', 'dkim1', 'rsa', 'RSA', 'ed25519', 'future', 'sha1', 'sha256', 'sha1:sha256', 'y', 'y:s', '', ' ',
      RSA_1024, RSA_512, RSA_1024_PKCS1, ED25519, ED25519_SPKI, `${RSA_512.slice(0, 30)} ${RSA_512.slice(30)}`, 'AB$D', 'AB==', 'A===', 'QUJD', 'MIIB',
    ];
    const tag = fc.record({
      name: fc.constantFrom(...names),
      value: fc.constantFrom(...values),
      before: fc.constantFrom('', ' ', '\t', ' \\010'),
      after: fc.constantFrom('', ' ', '\t'),
    });
    const record = fc.record({
      tags: fc.array(tag, { maxLength: 6 }),
      separator: fc.constantFrom(';', '; ', ' ;', ';;'),
      end: fc.constantFrom('', ';', '; ', ' '),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 255 }), (records, chunk) => {
        const texts = records.map((r) => r.tags.map((t) => `${t.before}${t.name}${t.after}=${t.after}${t.value}`).join(r.separator) + r.end);
        const entries = dkimKeyRecords(zoneOf(texts, chunk));
        assert.equal(entries.length, texts.length);
        for (const entry of entries) assertAgreesWithParse(entry);
      }),
      { numRuns: 200 },
    );
  });
});

describe('RSA keys judged without OpenSSL', () => {
  const spkiKeys = [512, 777, 1024, 2048].map((bits) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }));
  const others = [
    generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'pkcs1', format: 'der' }),
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }),
    generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }),
    generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }),
  ];
  const verdictOf = (octets: Buffer) => {
    const key = parseDkimKeyRecord(`v=DKIM1; p=${octets.toString('base64')}`).key;
    return key.kind === 'decoded' ? key.key : key.kind;
  };

  it('gives the size OpenSSL gives for generated keys', () => {
    for (const der of [...spkiKeys, ...others]) assert.deepEqual(verdictOf(der), rsaVerdictFromOpenSsl(der));
  });

  type Damage =
    | { readonly kind: 'set'; readonly at: number; readonly octet: number }
    | { readonly kind: 'cut'; readonly at: number }
    | { readonly kind: 'append'; readonly octets: readonly number[] }
    | { readonly kind: 'insert'; readonly at: number; readonly octet: number };
  const octet = fc.integer({ min: 0, max: 255 });
  const damage: fc.Arbitrary<Damage> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.integer({ min: 0, max: 40 }), octet }), weight: 4 },
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), octet }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('append' as const), octets: fc.array(octet, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.integer({ min: 0, max: 40 }), octet }),
  );
  const damaged = (der: Buffer, damages: readonly Damage[]): Buffer => {
    let out = Buffer.from(der);
    for (const d of damages) {
      if (d.kind === 'set') out[d.at % out.length] = d.octet;
      else if (d.kind === 'cut') out = out.subarray(0, Math.max(1, d.at % out.length));
      else if (d.kind === 'append') out = Buffer.concat([out, Buffer.from(d.octets)]);
      else out = Buffer.concat([out.subarray(0, d.at % out.length), Buffer.from([d.octet]), out.subarray(d.at % out.length)]);
    }
    return out;
  };

  it('agrees with OpenSSL on damaged keys', () => {
    fc.assert(
      fc.property(fc.constantFrom(...spkiKeys, ...others), fc.array(damage, { minLength: 1, maxLength: 3 }), (der, damages) => {
        const octets = damaged(der, damages);
        assert.deepEqual(verdictOf(octets), rsaVerdictFromOpenSsl(octets), octets.toString('hex'));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with OpenSSL on random octets that open with a SEQUENCE', () => {
    const lengthOctet = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x89, 0xff));
    fc.assert(
      fc.property(lengthOctet, fc.array(octet, { maxLength: 300 }), (length, rest) => {
        const octets = Buffer.from([0x30, length, ...rest]);
        assert.deepEqual(verdictOf(octets), rsaVerdictFromOpenSsl(octets), octets.toString('hex'));
      }),
      { numRuns: 400 },
    );
  });
});

describe('startsLikeDkim', () => {
  it('answers as looksLikeDkim does', () => {
    const piece = fc.array(fc.constantFrom(' ', '\t', '\n', 'v', 'V', '=', 'd', 'D', 'k', 'K', 'i', 'I', 'm', 'M', '1', '0', 'x', ';', 'é', '_'), { maxLength: 6 }).map((chars) => chars.join(''));
    const prefixed = fc.tuple(fc.constantFrom('', 'v=DKIM1', ' v = dkim1', 'v=DKIM'), piece).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, prefixed), { maxLength: 4 }), (values) => {
        assert.equal(startsLikeDkim(values.join('')), looksLikeDkim(values.join('')), JSON.stringify(values));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dkimKeyName on names with and without escapes', () => {
  /** The definition, on decoded labels. */
  const byLabels = (owner: string): ReturnType<typeof dkimKeyName> => {
    const labels = labelsOf(owner);
    const lower = labels.map((label) => label.toLowerCase());
    const index = lower.indexOf('_domainkey', 1);
    if (index < 1 || (index === 1 && (lower[0] === '_adsp' || lower[0] === '_report'))) return undefined;
    return { selector: labels.slice(0, index).join('.'), domain: nameFromLabels(labels.slice(index + 1)) };
  };
  it('reads every name as its labels say', () => {
    const label = fc.constantFrom('_domainkey', '_DomainKey', '_domainkeys', '_adsp', '_ADSP', '_report', 'sel', 'a-b', '*', 'x\\.y', '\\095domainkey', 'a\\032b', '', 'é', 'a(b');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.boolean(), (labels, absolute) => {
        const owner = labels.join('.') + (absolute ? '.' : '');
        assert.deepEqual(dkimKeyName(owner), byLabels(owner), owner);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the owners that show Microsoft 365', () => {
  it('are found by MX host and by SPF include, however the text is split', () => {
    const path = '/work/zones/example.com.zone';
    const text = [
      HEAD,
      'a MX 0 a-example-com.mail.protection.outlook.com.',
      'b MX 0 b-example-com.B-v1.MX.Microsoft.',
      'c TXT "v=spf1 include:spf.protection.outlook.com -all"',
      'd TXT "v=sp" "f1 include:SPF.Protection.Outlook.com ~all"',
      'e TXT "v=spf1 " "include:spf.protection.outlook.com. -all"',
      'f TXT "v=spf1" " include:spf.protection.outlook.com -all"',
      'g TXT "v=spf1include:spf.protection.outlook.com -all"',
      'h TXT "v=DKIM1; p=" "include:spf.protection.outlook.com"',
      'i MX 0 mail.example.com.',
      'j TXT "v=spf1 include:spf.protection.outlook.com.evil -all"',
      'k SPF "v=spf1 include:spf.protection.outlook.com -all"',
      'l MX 0 l.bb-v1.mx.microsoft.',
      '',
    ].join('\n');
    const workspace = new ZonelintWorkspace({ settings: { ...DEFAULT_SETTINGS, dns: 'off' }, dns: 'off', host: { readFile: () => undefined, mayRead: () => false } });
    workspace.setFile(path, text, 'example.com.');
    const zone = workspace.zone(path);
    assert.ok(zone !== undefined);
    assert.deepEqual([...microsoft365Owners(zone)].sort(), ['a.example.com.', 'b.example.com.', 'c.example.com.', 'd.example.com.', 'e.example.com.', 'f.example.com.']);
  });
});
