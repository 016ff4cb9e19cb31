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

export function formatReports(reports: readonly FileReport[], format: OutputFormat, cwd: string, version: string): string {
  switch (format) {
    case 'text':
      return formatText(reports, cwd);
    case 'json':
      return JSON.stringify(toJson(reports, cwd), null, 2) + '\n';
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

function range(diagnostic: Diagnostic): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: diagnostic.file.positionAt(diagnostic.span.start), end: diagnostic.file.positionAt(diagnostic.span.end) };
}

function toJson(reports: readonly FileReport[], cwd: string): unknown {
  return {
    version: 1,
    files: reports.map((report) => ({
      path: displayPath(report.path, cwd),
      origin: report.origin ?? null,
      diagnostics: report.diagnostics.map((diagnostic) => ({
        code: diagnostic.ruleId,
        severity: diagnostic.severity,
        message: diagnostic.message,
        range: range(diagnostic),
        ...(diagnostic.related.length > 0
          ? {
              related: diagnostic.related.map((related) => ({
                path: displayPath(related.location.file.path, cwd),
                message: related.message,
                range: { start: related.location.file.positionAt(related.location.span.start), end: related.location.file.positionAt(related.location.span.end) },
              })),
            }
          : {}),
      })),
    })),
  };
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
