// The CLI's three output formats (cli.md): compiler-style text, the documented JSON, and SARIF 2.1.0.

import path from 'node:path';
import type { Diagnostic } from '../core/lint';
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

/** The text and SARIF outputs, as one string (JSON is written piece by piece: `writeJson`). */
export function formatReports(reports: readonly FileReport[], format: Exclude<OutputFormat, 'json'>, cwd: string, version: string): string {
  switch (format) {
    case 'text':
      return formatText(reports, cwd);
    case 'sarif':
      return JSON.stringify(toSarif(reports, cwd, version), null, 2) + '\n';
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function formatText(reports: readonly FileReport[], cwd: string): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      const { line, character } = diagnostic.file.positionAt(diagnostic.span.start);
      lines.push(`${displayPath(report.path, cwd)}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.ruleId} ${diagnostic.message}`);
      counts[diagnostic.severity]++;
    }
  }
  const files = reports.length;
  lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s)`);
  return lines.join('\n') + '\n';
}

/**
 * Writes the documented JSON piece by piece, the file list indented and each diagnostic as one compact line: a large
 * zone has hundreds of thousands of diagnostics, and building their object tree, then one pretty-printed string
 * three times the size, cost more time and memory than the lint itself. One line per diagnostic also suits `grep`
 * and line diffs of the output in CI.
 */
export function writeJson(reports: readonly FileReport[], cwd: string, write: (chunk: string) => void): void {
  const out = new ChunkedOutput(write);
  const messages = new JsonStrings();
  out.add('{\n  "version": 1,\n  "files": ');
  out.add(reports.length === 0 ? '[]' : '[\n');
  reports.forEach((report, index) => {
    out.add(`    {\n      "path": ${JSON.stringify(displayPath(report.path, cwd))},\n      "origin": ${JSON.stringify(report.origin ?? null)},\n      "diagnostics": `);
    const diagnostics = report.diagnostics;
    if (diagnostics.length === 0) out.add('[]');
    else {
      out.add('[\n');
      for (let i = 0; i < diagnostics.length; i++) {
        out.add(diagnosticLine(diagnostics[i], cwd, messages));
        out.add(i === diagnostics.length - 1 ? '\n' : ',\n');
      }
      out.add('      ]');
    }
    out.add(index === reports.length - 1 ? '\n    }\n  ]' : '\n    },\n');
  });
  out.add('\n}\n');
  out.flush();
}

/**
 * One diagnostic as cli.md documents it, compact on one line, `related` only when there is some. Written by hand
 * rather than through an object and JSON.stringify: with hundreds of thousands of diagnostics the intermediate
 * objects were most of the output's cost. Rule ids and severities are plain words and need no escaping. The format
 * test holds the line to what JSON.stringify gives.
 */
function diagnosticLine(diagnostic: Diagnostic, cwd: string, messages: JsonStrings): string {
  const head = `        {"code":"${diagnostic.ruleId}","severity":"${diagnostic.severity}","message":${messages.of(diagnostic.message)},"range":${rangeJson(diagnostic.file, diagnostic.span)}`;
  if (diagnostic.related.length === 0) return `${head}}`;
  const related = diagnostic.related.map(
    (item) => `{"path":${JSON.stringify(displayPath(item.location.file.path, cwd))},"message":${JSON.stringify(item.message)},"range":${rangeJson(item.location.file, item.location.span)}}`,
  );
  return `${head},"related":[${related.join(',')}]}`;
}

/** A range of 0-based LSP positions. */
function rangeJson(file: Diagnostic['file'], span: Diagnostic['span']): string {
  const start = file.positionAt(span.start);
  const end = file.positionAt(span.end);
  return `{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}`;
}

/**
 * The JSON of each distinct string, made once: a large zone repeats a few messages hundreds of thousands of times.
 * The cache forgets everything when it grows large, so a zone whose messages all differ costs no more than before.
 */
class JsonStrings {
  private readonly made = new Map<string, string>();

  of(text: string): string {
    let json = this.made.get(text);
    if (json === undefined) {
      if (this.made.size >= 4096) this.made.clear();
      json = JSON.stringify(text);
      this.made.set(text, json);
    }
    return json;
  }
}

/** Gathers small strings and hands them on in pieces of about a megabyte, so output never waits for the whole. */
class ChunkedOutput {
  private pieces: string[] = [];
  private size = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  add(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.pieces.length === 0) return;
    this.write(this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
  }
}

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
        results: reports.flatMap((report) =>
          report.diagnostics.map((diagnostic) => ({
            ruleId: diagnostic.ruleId,
            ruleIndex: ruleIndex.get(diagnostic.ruleId) ?? -1,
            level: SARIF_LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: displayPath(report.path, cwd) },
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
          })),
        ),
      },
    ],
  };
}
