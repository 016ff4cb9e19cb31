// Knot's zscanner corpus as a second source: each record line of its .in files is accepted (its .out gives the
// wire form) or rejected. zonelint must load the same records with the same wire data and reject the same lines,
// except for documented BIND-versus-Knot differences (BIND is zonelint's reference) in knot-differences.json.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SourceFile } from '../../server/src/core/types';
import type { Entry } from '../../server/src/core/zone/lexer';
import { lexEntries } from '../../server/src/core/zone/lexer';
import type { ResourceRecord, Zone } from '../../server/src/core/zone/model';
import { labelsOf } from '../../server/src/core/zone/names';
import { parseZone } from '../../server/src/core/zone/parser';
import { corpusPath, PROJECT_ROOT } from '../corpora';

type Block = { kind: 'record'; owner: string; rrclass: string; ttl: string; type: string; rdata: string } | { kind: 'rejected' | 'fatal'; code: string };
type Outcome = { kind: 'record'; record: ResourceRecord } | { kind: 'rejected'; message: string } ;

interface KnotCase {
  readonly case: string;
  readonly in: string;
  /** Null when Knot prints nothing for the file (no record, no error). */
  readonly out: string | null;
}

const differences = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'conformance', 'knot-differences.json'), 'utf8')) as Record<string, string>;

function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split('------')) {
    const fields = new Map<string, string>();
    for (const line of chunk.split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    if (fields.has('WARNG')) blocks.push({ kind: 'rejected', code: fields.get('WARNG')! });
    else if (fields.has('ERROR')) blocks.push({ kind: 'fatal', code: fields.get('ERROR')! });
    else if (fields.has('OWNER')) {
      blocks.push({ kind: 'record', owner: fields.get('OWNER')!, rrclass: fields.get('CLASS')!, ttl: fields.get('RRTTL')!, type: fields.get('RTYPE')!, rdata: fields.get('RDATA') ?? '' });
    }
  }
  return blocks;
}

function ownerWire(name: string): string {
  let hex = '';
  for (const label of labelsOf(name)) hex += label.length.toString(16).padStart(2, '0') + Buffer.from(label, 'latin1').toString('hex');
  return (hex + '00').toUpperCase();
}

/** zonelint's outcome for each entry of the file, in input order; `$INCLUDE` contributes the included file's. */
function outcomes(file: SourceFile): { outcome: Outcome; line: number }[] {
  const zone = parseZone({ file, origin: '.', originSource: 'option', generateLimit: 65536, host: { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } }, mayRead: () => true } });
  return fileOutcomes(zone, file, file);
}

function fileOutcomes(zone: Zone, file: SourceFile, reportAs: SourceFile): { outcome: Outcome; line: number }[] {
  const entries: Entry[] = [];
  lexEntries(file.text, (entry) => entries.push(entry));
  const records = zone.records.filter((record) => record.file === file);
  const errors = zone.parseFindings.filter((finding) => finding.severity === 'error' && finding.location.file === file);
  const result: { outcome: Outcome; line: number }[] = [];
  for (const entry of entries) {
    const offsets = [...entry.tokens.flatMap((t) => [t.start, t.end]), ...entry.errors.flatMap((e) => [e.span.start, e.span.end])];
    const start = Math.min(entry.lineStart, ...offsets);
    const end = Math.max(...offsets);
    const line = reportAs === file ? file.positionAt(start).line + 1 : reportAs.positionAt(0).line;
    const inside = (offset: number) => offset >= start && offset <= end;
    const error = errors.find((finding) => inside(finding.location.span.start));
    const directive = !entry.blankOwner && entry.tokens[0]?.text.startsWith('$') ? entry.tokens[0].text.toUpperCase() : undefined;
    if (directive === '$INCLUDE') {
      const include = zone.includes.find((candidate) => candidate.file === file && inside(candidate.pathSpan.start));
      if (include?.includedFile !== undefined) result.push(...fileOutcomes(zone, include.includedFile, reportAs).map((o) => ({ ...o, line })));
      else if (error) result.push({ outcome: { kind: 'rejected', message: error.message }, line });
      continue;
    }
    const record = records.find((candidate) => inside(candidate.span.start));
    if (record) result.push({ outcome: { kind: 'record', record }, line });
    else if (error) result.push({ outcome: { kind: 'rejected', message: error.message }, line });
  }
  return result;
}

function describeRecord(record: ResourceRecord): string {
  return `${ownerWire(record.owner)} ${record.ttl} TYPE${record.type} ${Buffer.from(record.wire).toString('hex').toUpperCase()}`;
}

describe('Knot zscanner corpus', () => {
  let compared = 0;
  let differing = 0;
  after(() => {
    mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'test-results', 'knot.json'), JSON.stringify({ compared, agree: compared - differing, differing }, null, 2));
    console.log(`      Knot zscanner: ${compared - differing}/${compared} record outcomes agree; ${differing} are documented BIND-vs-Knot differences`);
  });
  const manifest = JSON.parse(readFileSync(corpusPath('knot-zscanner', 'manifest.json'), 'utf8')) as { cases: KnotCase[] };
  const includesDir = corpusPath('knot-zscanner', 'data');
  for (const c of manifest.cases) {
    it(c.case, () => {
      const inPath = corpusPath('knot-zscanner', c.in);
      const text = readFileSync(inPath, 'utf8').replace(/@TMPDIR@/g, includesDir);
      const blocks = c.out === null ? [] : readBlocks(readFileSync(corpusPath('knot-zscanner', c.out), 'utf8'));
      const ours = outcomes(new SourceFile(inPath, text));
      const problems: string[] = [];
      const stale: string[] = [];
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i];
        const mine = ours[i];
        const id = `${c.case}:${mine ? mine.line : 'end'}`;
        let mismatch: string | undefined;
        if (mine === undefined) mismatch = `Knot has ${block.kind} ${block.kind === 'record' ? block.owner : block.code}, zonelint has nothing`;
        else if (block.kind === 'record') {
          if (mine.outcome.kind !== 'record') mismatch = `Knot accepts, zonelint rejects: ${mine.outcome.message}`;
          else {
            const r = mine.outcome.record;
            const wire = Buffer.from(r.wire).toString('hex').toUpperCase();
            if (ownerWire(r.owner).toLowerCase() !== block.owner.toLowerCase() || r.type !== parseInt(block.type, 16) || r.ttl !== parseInt(block.ttl, 16) || wire !== block.rdata.toUpperCase()) {
              mismatch = `Knot ${block.owner} ${parseInt(block.ttl, 16)} TYPE${parseInt(block.type, 16)} ${block.rdata} vs zonelint ${describeRecord(r)}`;
            }
          }
        } else if (mine.outcome.kind === 'record') mismatch = `Knot rejects (${block.code}), zonelint accepts ${describeRecord(mine.outcome.record)}`;
        compared++;
        if (mismatch !== undefined) differing++;
        if (mismatch !== undefined && differences[id] === undefined) problems.push(`${id}: ${mismatch}`);
        if (mismatch === undefined && differences[id] !== undefined) stale.push(id);
        // Knot stops at a fatal error; nothing after it can be compared.
        if (block.kind === 'fatal') break;
      }
      assert.deepEqual(problems, [], 'unlisted differences from Knot');
      assert.deepEqual(stale, [], 'listed in knot-differences.json but no longer different');
    });
  }
});
