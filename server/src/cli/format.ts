// The CLI's three output formats (cli.md): compiler-style text, the documented JSON, and SARIF 2.1.0.

import path from 'node:path';
import type { Diagnostic } from '../core/lint';
import { ByteOutput, utf8Bytes } from './output';
import { PositionCursor } from './positions';
import { ALL_RULES } from '../core/rules';
import { docsUrl } from '../core/rules/rule';
import type { Log, Region } from 'sarif';
import type { Severity } from '../core/types';

export interface FileReport {
  /** Absolute path of the file the diagnostics lie in. */
  readonly path: string;
  readonly origin: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export type OutputFormat = 'text' | 'json' | 'sarif';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Writes the reports in the chosen format, as UTF-8 chunks of about a megabyte. */
export function writeReports(
  reports: readonly FileReport[],
  format: OutputFormat,
  options: { cwd: string; version: string; write: (chunk: Buffer) => void; written?: () => boolean },
): void {
  const out = new ByteOutput(options.write, options.written);
  switch (format) {
    case 'text':
      writeText(reports, options.cwd, out);
      break;
    case 'json':
      writeJson(reports, options.cwd, out);
      break;
    case 'sarif':
      out.text(JSON.stringify(toSarif(reports, options.cwd, options.version), null, 2) + '\n');
      break;
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
  out.end();
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Compiler-style lines, `path:line:column: severity rule-id message`, then a count of each severity. */
function writeText(reports: readonly FileReport[], cwd: string, out: ByteOutput): void {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const tails = new LineHeads((ruleId, severity, message) => `: ${severity} ${ruleId} ${message}\n`);
  for (const report of reports) {
    const diagnostics = report.diagnostics;
    if (diagnostics.length === 0) continue;
    const pathPrefix = utf8Bytes(`${displayPath(report.path, cwd)}:`);
    let positions: PositionCursor | undefined;
    for (const diagnostic of diagnostics) {
      if (positions?.file !== diagnostic.file) positions = new PositionCursor(diagnostic.file);
      const start = diagnostic.span.start;
      out.bytes(pathPrefix);
      out.integer(positions.lineOf(start) + 1);
      out.bytes(COLON);
      out.integer(positions.characterOf(start) + 1);
      out.bytes(tails.of(diagnostic.ruleId, diagnostic.severity, diagnostic.message));
      counts[diagnostic.severity]++;
    }
  }
  const files = reports.length;
  out.text(`${files} file${files === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s)\n`);
}

/**
 * Writes the documented JSON piece by piece, the file list indented and each diagnostic as one compact line: a large
 * zone has hundreds of thousands of diagnostics, and building their object tree, then one pretty-printed string
 * three times the size, cost more time and memory than the lint itself. One line per diagnostic also suits `grep`
 * and line diffs of the output in CI. Each line is written by hand rather than through an object and
 * JSON.stringify, `related` only when there is some; the format test holds the lines to what JSON.stringify gives.
 */
function writeJson(reports: readonly FileReport[], cwd: string, out: ByteOutput): void {
  // Rule ids and severities are plain words and need no escaping; a message is escaped once per distinct head.
  const heads = new LineHeads((ruleId, severity, message) => `        {"code":"${ruleId}","severity":"${severity}","message":${JSON.stringify(message)},"range":{"start":{"line":`);
  out.text('{\n  "version": 1,\n  "files": ');
  out.text(reports.length === 0 ? '[]' : '[\n');
  reports.forEach((report, index) => {
    out.text(`    {\n      "path": ${JSON.stringify(displayPath(report.path, cwd))},\n      "origin": ${JSON.stringify(report.origin ?? null)},\n      "diagnostics": `);
    const diagnostics = report.diagnostics;
    if (diagnostics.length === 0) out.text('[]');
    else {
      out.text('[\n');
      let positions: PositionCursor | undefined;
      for (let i = 0; i < diagnostics.length; i++) {
        const diagnostic = diagnostics[i];
        if (positions?.file !== diagnostic.file) positions = new PositionCursor(diagnostic.file);
        out.bytes(heads.of(diagnostic.ruleId, diagnostic.severity, diagnostic.message));
        const { start, end } = diagnostic.span;
        out.integer(positions.lineOf(start));
        out.bytes(CHARACTER);
        out.integer(positions.characterOf(start));
        out.bytes(END_LINE);
        out.integer(positions.lineAhead(end));
        out.bytes(CHARACTER);
        out.integer(positions.characterOf(end));
        const last = i === diagnostics.length - 1;
        if (diagnostic.related.length === 0) out.bytes(last ? CLOSE_LAST : CLOSE_NEXT);
        else {
          out.bytes(OPEN_RELATED);
          out.text(diagnostic.related.map((item) => `{"path":${JSON.stringify(displayPath(item.location.file.path, cwd))},"message":${JSON.stringify(item.message)},"range":${rangeJson(item.location.file, item.location.span)}}`).join(','));
          out.bytes(last ? CLOSE_RELATED_LAST : CLOSE_RELATED_NEXT);
        }
      }
      out.text('      ]');
    }
    out.text(index === reports.length - 1 ? '\n    }\n  ]' : '\n    },\n');
  });
  out.text('\n}\n');
}

const COLON = utf8Bytes(':');
const CHARACTER = utf8Bytes(',"character":');
const END_LINE = utf8Bytes('},"end":{"line":');
// A diagnostic line ends with the comma before the next one, or without for the last of a file.
const CLOSE_NEXT = utf8Bytes('}}},\n');
const CLOSE_LAST = utf8Bytes('}}}\n');
const OPEN_RELATED = utf8Bytes('}},"related":[');
const CLOSE_RELATED_NEXT = utf8Bytes(']},\n');
const CLOSE_RELATED_LAST = utf8Bytes(']}\n');

/** A range of 0-based LSP positions. */
function rangeJson(file: Diagnostic['file'], span: Diagnostic['span']): string {
  const start = file.positionAt(span.start);
  const end = file.positionAt(span.end);
  return `{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}`;
}

/**
 * The bytes of the part of a line that depends only on the rule, severity and message, made once for each distinct
 * combination: a large zone repeats a few messages hundreds of thousands of times. The last head of each rule is
 * checked first, since one rule mostly repeats one message; the cache of the others forgets everything when it grows
 * large, so a zone whose messages all differ costs no more than making each head.
 */
class LineHeads {
  private readonly lastOfRule = new Map<string, LineHead>();
  private readonly byMessage = new Map<string, LineHead>();

  constructor(private readonly make: (ruleId: string, severity: Severity, message: string) => string) {}

  of(ruleId: string, severity: Severity, message: string): Uint8Array {
    let head = this.lastOfRule.get(ruleId);
    if (head === undefined || head.message !== message || head.severity !== severity) {
      head = this.byMessage.get(message);
      if (head === undefined || head.ruleId !== ruleId || head.severity !== severity) {
        if (this.byMessage.size >= MAX_HEADS) this.byMessage.clear();
        head = { ruleId, severity, message, bytes: utf8Bytes(this.make(ruleId, severity, message)) };
        this.byMessage.set(message, head);
      }
      this.lastOfRule.set(ruleId, head);
    }
    return head.bytes;
  }
}

interface LineHead {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly bytes: Uint8Array;
}

const MAX_HEADS = 4096;

/** SARIF 2.1.0, typed with the schema's own definitions (@types/sarif) so a malformed log does not compile. */
function toSarif(reports: readonly FileReport[], cwd: string, version: string): Log {
  const rules = [...ALL_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const region = (file: Diagnostic['file'], span: Diagnostic['span']): Region => {
    const start = file.positionAt(span.start);
    const end = file.positionAt(span.end);
    return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zonelint',
            version,
            informationUri: 'https://github.com/zonelint/zonelint',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.summary },
              helpUri: docsUrl(rule.meta.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
            })),
          },
        },
        results: reports.flatMap((report) => {
          const uri = displayPath(report.path, cwd);
          return report.diagnostics.map((diagnostic) => ({
            ruleId: diagnostic.ruleId,
            ruleIndex: ruleIndex.get(diagnostic.ruleId) ?? -1,
            level: SARIF_LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri },
                  region: region(diagnostic.file, diagnostic.span),
                },
              },
            ],
            ...(diagnostic.related.length > 0
              ? {
                  relatedLocations: diagnostic.related.map((related, id) => ({
                    id,
                    message: { text: related.message },
                    physicalLocation: {
                      artifactLocation: { uri: displayPath(related.location.file.path, cwd) },
                      region: region(related.location.file, related.location.span),
                    },
                  })),
                }
              : {}),
          }));
        }),
      },
    ],
  };
}
