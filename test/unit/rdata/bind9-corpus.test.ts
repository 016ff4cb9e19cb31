// Acceptance against BIND's own checkzone zones (shared/corpora/bind9) with the recorded named-checkzone 9.18
// results: records BIND rejects in dns_rdata_fromtext must be rejected, every other record read must be accepted.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lexEntries } from '../../../server/src/core/zone/lexer';
import { parseName } from '../../../server/src/core/zone/names';
import { parseRdata } from '../../../server/src/core/zone/rdata';
import { classFromText, typeFromText } from '../../../server/src/core/zone/rrtypes';
import { corpusPath } from '../../corpora';

interface OracleResult {
  readonly file: string;
  readonly origin_used: string;
  readonly 'named-checkzone_9.18'?: { readonly rc: number; readonly messages: readonly string[] };
}

/**
 * Zones left out: bad-caa-rr.db starts with binary garbage that BIND reads as a broken `$` directive, after
 * which it reports nothing for the CAA record this test would check.
 */
const SKIPPED = new Set(['checkzone/zones/bad-caa-rr.db']);

interface RecordVerdict {
  readonly where: string;
  readonly bindRejects: boolean;
  readonly accepted: boolean;
}

function verdicts(result: OracleResult): RecordVerdict[] {
  const bind = result['named-checkzone_9.18']!;
  const rdataErrors = new Set<number>();
  const otherErrors = new Set<number>();
  for (const message of bind.messages) {
    const line = /:(\d+): /.exec(message);
    if (line === null) continue;
    (message.startsWith('dns_rdata_fromtext:') ? rdataErrors : otherErrors).add(Number(line[1]));
  }
  const text = readFileSync(path.join(corpusPath('bind9'), result.file), 'utf8');
  let origin = parseName(result.origin_used, '.').name ?? '.';
  const out: RecordVerdict[] = [];
  lexEntries(text, (entry) => {
    const tokens = entry.tokens;
    const first = tokens[0].text.toUpperCase();
    if (!entry.blankOwner && first === '$ORIGIN') {
      origin = parseName(tokens[1].text, origin).name ?? origin;
      return;
    }
    if ((!entry.blankOwner && first.startsWith('$')) || entry.errors.length > 0) return;
    let typeAt = entry.blankOwner ? 0 : 1;
    while (typeAt < tokens.length && (/^[0-9]/.test(tokens[typeAt].text) || classFromText(tokens[typeAt].text) !== undefined)) typeAt++;
    if (typeAt >= tokens.length) return;
    const type = typeFromText(tokens[typeAt].text);
    if (type.error !== undefined || type.meta) return;
    const firstLine = text.slice(0, tokens[0].start).split('\n').length;
    const lastLine = text.slice(0, tokens[tokens.length - 1].end).split('\n').length;
    let bindRejects = false;
    for (let line = firstLine; line <= lastLine; line++) {
      // Lines with other errors (names, check-names, TTLs) say nothing about the rdata.
      if (otherErrors.has(line)) return;
      if (rdataErrors.has(line)) bindRejects = true;
    }
    const parsed = parseRdata(type.code, tokens.slice(typeAt + 1), { origin, entryEnd: tokens[tokens.length - 1].end });
    out.push({ where: `${result.file}:${firstLine} ${text.slice(tokens[typeAt].start, tokens[tokens.length - 1].end)}`, bindRejects, accepted: parsed.wire !== undefined });
  });
  return out;
}

describe('rdata against the BIND checkzone corpus (named-checkzone 9.18 results)', () => {
  const results = (JSON.parse(readFileSync(corpusPath('bind9', 'oracle-results.json'), 'utf8')) as { results: OracleResult[] }).results;
  const checked = results.filter((result) => result['named-checkzone_9.18'] !== undefined && !SKIPPED.has(result.file));

  it('has zones to check', () => {
    assert.ok(checked.length > 100);
  });

  for (const result of checked) {
    it(`agrees with BIND on ${path.basename(result.file)}`, () => {
      for (const verdict of verdicts(result)) assert.equal(verdict.accepted, !verdict.bindRejects, verdict.where);
    });
  }
});
