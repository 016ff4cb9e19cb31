// Acceptance tests on other projects' DMARC and DKIM record cases (shared/corpora): each record is placed where it
// belongs in a zone and linted with every rule. `error` cases need an error of the record's family, `ok-syntax`
// cases no `<family>-syntax` finding, `warn-or-error` cases a warning or error of the family, and names that hold
// no key record no dkim finding at all. Where a source disagrees with RFC 9989 (or RFC 6376), zonelint follows
// the RFC and the case is listed, with the reason, in known-differences.json.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { corpusPath, PROJECT_ROOT } from '../../corpora';
import { lintText } from '../../harness';
import { HEAD } from './table';

type Family = 'dmarc' | 'dkim';
type Expectation = 'error' | 'ok-syntax' | 'warn-or-error' | 'no-findings';

interface AcceptanceCase {
  readonly family: Family;
  readonly source: string;
  /** The record's character-strings (one unless the source splits it). */
  readonly strings: readonly string[];
  /** Absolute owner name; the family's usual name under example.com when the source gives none. */
  readonly owner: string;
  readonly expect: Expectation;
}

interface KnownDifference {
  readonly family: Family;
  readonly record: string;
  readonly expect: Expectation;
  readonly reason: string;
}

const known = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'unit', 'email', 'known-differences.json'), 'utf8')) as KnownDifference[];
const DEFAULT_OWNER: Record<Family, string> = { dmarc: '_dmarc.example.com.', dkim: 'sel._domainkey.example.com.' };

describe('email acceptance corpora', () => {
  const cases = collectCases();
  const used = new Set<KnownDifference>();

  for (const [source, group] of groupBy(cases, (c) => c.source)) {
    describe(source, () => {
      group.forEach((c, index) => {
        it(`#${index + 1} ${c.family} ${c.expect}: ${JSON.stringify(c.strings.join('')).slice(0, 70)}`, async () => {
          const verdict = await judge(c);
          const difference = known.find((k) => k.family === c.family && k.record === c.strings.join('') && k.expect === c.expect);
          if (difference !== undefined) used.add(difference);
          if (verdict.ok) assert.equal(difference, undefined, `listed in known-differences.json but zonelint now agrees: remove it (${difference?.reason})`);
          else assert.ok(difference, `not ${c.expect}, and not listed in known-differences.json:\n${verdict.detail}`);
        });
      });
    });
  }

  // Mocha runs a suite's own tests before its nested suites, so this check sits in a suite of its own, last.
  describe('known differences', () => {
    it('lists none that no case uses', () => {
      const unused = known.filter((k) => !used.has(k));
      assert.deepEqual(unused, [], 'remove these from known-differences.json');
    });
  });

  it('reads every corpus (a moved file would otherwise shrink the suite silently)', () => {
    const counts = Object.fromEntries([...groupBy(cases, (c) => c.source)].map(([source, group]) => [source, group.length]));
    assert.deepEqual(counts, {
      '_combined/record-cases.jsonl': 101,
      'mox/mox-cases.json': 53,
      'opendmarc/opendmarc-cases.json': 19,
      'opendkim/opendkim-keyrecords.json': 11,
      'opendkim/pubkeys': 7,
      'dkimpy': 8,
      'rfc-examples/dkim-rfc-example-keys.json': 4,
      'mailauth/arc': 8,
    });
  });
});

async function judge(c: AcceptanceCase): Promise<{ ok: boolean; detail: string }> {
  const zone = `${HEAD}${c.owner} TXT ${c.strings.map(quote).join(' ')}\n`;
  // The root as origin keeps every owner, whatever its domain, inside the zone.
  const findings = (await lintText(zone, { origin: '.' })).filter((d) => d.ruleId.startsWith(`${c.family}-`));
  const detail = findings.map((d) => `  ${d.severity} ${d.ruleId}: ${d.message}`).join('\n') || '  (no findings)';
  switch (c.expect) {
    case 'error':
      return { ok: findings.some((d) => d.severity === 'error'), detail };
    case 'ok-syntax':
      return { ok: !findings.some((d) => d.ruleId === `${c.family}-syntax`), detail };
    case 'warn-or-error':
      return { ok: findings.some((d) => d.severity === 'error' || d.severity === 'warning'), detail };
    case 'no-findings':
      return { ok: findings.length === 0, detail };
    default: {
      const unreachable: never = c.expect;
      return unreachable;
    }
  }
}

/** A character-string in zone syntax: quoted, with quotes, backslashes and unprintable octets escaped. */
function quote(value: string): string {
  let out = '"';
  for (const octet of Buffer.from(value, 'utf8')) {
    if (octet === 34 || octet === 92) out += '\\' + String.fromCharCode(octet);
    else if (octet < 32 || octet > 126) out += '\\' + String(octet).padStart(3, '0');
    else out += String.fromCharCode(octet);
  }
  return out + '"';
}

/** Splits a record into strings of at most 255 octets, as a zone file must write it. */
function chunks(record: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < record.length; i += 255) parts.push(record.slice(i, i + 255));
  return parts.length === 0 ? [''] : parts;
}

function recordCase(family: Family, source: string, record: string, expect: Expectation, owner = DEFAULT_OWNER[family]): AcceptanceCase {
  return { family, source, strings: chunks(record), owner, expect };
}

function collectCases(): AcceptanceCase[] {
  return [
    ...combinedCases(),
    ...moxCases(),
    ...openDmarcCases(),
    ...openDkimCases(),
    ...openDkimPubkeys(),
    ...dkimpyCases(),
    ...rfcExampleCases(),
    ...arcCases(),
  ];
}

function combinedCases(): AcceptanceCase[] {
  const source = '_combined/record-cases.jsonl';
  const lines = readFileSync(corpusPath('_combined', 'record-cases.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const cases: AcceptanceCase[] = [];
  for (const line of lines) {
    const entry = JSON.parse(line) as { kind: string; record: string; expect: string };
    if (entry.kind !== 'dmarc' && entry.kind !== 'dkim') continue;
    cases.push(recordCase(entry.kind, source, entry.record, combinedExpectation(entry.expect)));
  }
  return cases;
}

function combinedExpectation(expect: string): Expectation {
  if (expect.startsWith('error')) return 'error';
  if (expect.startsWith('ok-syntax')) return 'ok-syntax';
  if (expect === 'warn-or-error') return 'warn-or-error';
  throw new Error(`unknown expectation in record-cases.jsonl: ${expect}`);
}

function moxCases(): AcceptanceCase[] {
  const source = 'mox/mox-cases.json';
  const data = JSON.parse(readFileSync(corpusPath('mox', 'mox-cases.json'), 'utf8')) as Record<Family, { record: string; expect: string }[]>;
  return (['dmarc', 'dkim'] as const).flatMap((family) =>
    data[family].map((entry) => recordCase(family, source, entry.record, entry.expect === 'error' ? 'error' : 'ok-syntax')),
  );
}

function openDmarcCases(): AcceptanceCase[] {
  const source = 'opendmarc/opendmarc-cases.json';
  const data = JSON.parse(readFileSync(corpusPath('opendmarc', 'opendmarc-cases.json'), 'utf8')) as { dmarc_parse: { cases: { record: string; expect: string }[] } };
  return data.dmarc_parse.cases.map((entry) => recordCase('dmarc', source, entry.record, entry.expect === 'error' ? 'error' : 'ok-syntax'));
}

function openDkimCases(): AcceptanceCase[] {
  const source = 'opendkim/opendkim-keyrecords.json';
  const data = JSON.parse(readFileSync(corpusPath('opendkim', 'opendkim-keyrecords.json'), 'utf8')) as { cases: { owner: string; record: string; expect: string }[] };
  const expectations: Record<string, Expectation> = {
    valid: 'ok-syntax',
    'valid-but-restricts-hash': 'ok-syntax',
    revoked: 'ok-syntax',
    invalid: 'error',
    'invalid-per-opendkim': 'warn-or-error',
  };
  return data.cases.map((entry) => recordCase('dkim', source, entry.record, expectations[entry.expect], `${entry.owner}.`));
}

/** OpenDKIM's test key file: `name record` lines; only the `_domainkey` selectors hold key records. */
function openDkimPubkeys(): AcceptanceCase[] {
  const source = 'opendkim/pubkeys';
  const lines = readFileSync(corpusPath('opendkim', 'pubkeys'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const [, owner, record] = /^(\S+)\s+(.*)$/.exec(line)!;
    const isKey = /^[^_][^.]*\._domainkey\./.test(owner);
    return recordCase('dkim', source, record, isKey ? 'ok-syntax' : 'no-findings', `${owner}.`);
  });
}

function dkimpyCases(): AcceptanceCase[] {
  const source = 'dkimpy';
  const manifest = JSON.parse(readFileSync(corpusPath('dkimpy', 'dkimpy-keyrecords.json'), 'utf8')) as { cases: { file: string; expect: string }[] };
  const files = readdirSync(corpusPath('dkimpy'));
  return manifest.cases.map((entry) => {
    assert.ok(files.includes(entry.file), `dkimpy manifest names a missing file: ${entry.file}`);
    const record = readFileSync(corpusPath('dkimpy', entry.file), 'utf8').trim();
    return recordCase('dkim', source, record, entry.expect === 'valid' ? 'ok-syntax' : 'error');
  });
}

/** The RFC keys, once as one record and, where the source shows how, split into its character-strings. */
function rfcExampleCases(): AcceptanceCase[] {
  const source = 'rfc-examples/dkim-rfc-example-keys.json';
  const data = JSON.parse(readFileSync(corpusPath('rfc-examples', 'dkim-rfc-example-keys.json'), 'utf8')) as {
    records: { owner: string; record: string; expect: string; txt_strings?: string[] }[];
  };
  const cases: AcceptanceCase[] = [];
  for (const entry of data.records) {
    assert.ok(entry.expect.startsWith('valid'), `unexpected expectation ${entry.expect}`);
    cases.push(recordCase('dkim', source, entry.record, 'ok-syntax', `${entry.owner}.`));
    if (entry.txt_strings !== undefined) {
      assert.equal(entry.txt_strings.join(''), entry.record);
      cases.push({ family: 'dkim', source, strings: entry.txt_strings, owner: `${entry.owner}.`, expect: 'ok-syntax' });
    }
  }
  return cases;
}

/** The key records of the ARC test suite's YAML (`txt-records`), each once; `invalid._domainkey` is broken on purpose. */
function arcCases(): AcceptanceCase[] {
  const source = 'mailauth/arc';
  const records = new Map<string, string>();
  for (const file of ['arc-draft-validation-tests.yml', 'arc-draft-sign-tests.yml']) {
    // The suite repeats some test names within a scenario; `json` lets the later one win instead of failing.
    for (const scenario of loadAll(readFileSync(corpusPath('mailauth', 'arc', file), 'utf8'), { json: true })) {
      const txt = (scenario as { 'txt-records'?: Record<string, string> } | null)?.['txt-records'] ?? {};
      for (const [owner, record] of Object.entries(txt)) records.set(`${owner} ${record}`, owner);
    }
  }
  return [...records].map(([key, owner]) => {
    const record = key.slice(owner.length + 1);
    return recordCase('dkim', source, record, owner.startsWith('invalid.') ? 'error' : 'ok-syntax', `${owner}.`);
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}
