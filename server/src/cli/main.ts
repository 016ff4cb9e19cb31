// The `zonelint` command line (shared/spec/cli.md): lints zone files and folders with the same core as the
// language server and prints text, JSON or SARIF; exit status 0 (no errors), 1 (errors found), 2 (usage or I/O).

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import type { Settings } from '../core/config';
import type { Diagnostic } from '../core/lint';
import type { SourceFile } from '../core/types';
import { checkSpf } from '../core/email/spf/evaluate';
import { DEFAULT_SETTINGS, parseSettings } from '../core/config';
import { ZonelintWorkspace } from '../core/index';
import { diskIncludeHost } from './diskHost';
import { readZoneText } from '../fileText';
import { CONFIG_FILE_NAME, findConfigFile, findZoneFiles } from './files';
import type { FileReport } from './format';
import { writeReports } from './format';

export const USAGE = `Usage: zonelint [options] <file|dir>...
       zonelint spf --ip ADDR [--mail-from ADDR] [--helo NAME] [options] <zone file|dir>...

Lints DNS zone files (BIND master-file format) and the SPF, DKIM and DMARC records in them.

Options:
  --format text|json|sarif   output format (default text)
  --origin NAME              origin for a single file without $ORIGIN
  --dns off|live             resolve names outside the given zones over DNS (default live)
  --dns-server IP[:PORT]     use this DNS server instead of the system resolver
  --config FILE              severities, disabled rules, origin mapping (default: nearest ${CONFIG_FILE_NAME})
  --version                  print the version
  --help                     print this help

Exit status: 0 no error-severity diagnostic, 1 at least one, 2 usage or I/O problem.
`;

export const SPF_USAGE = `Usage: zonelint spf --ip ADDR [--mail-from ADDR] [--helo NAME] [options] <zone file|dir>...

Evaluates SPF (RFC 7208 check_host()) for a sender connecting from ADDR, against the given zones first and DNS for
names outside them, and prints {"result", "explanation", "lookups", "voidLookups", "trace"} as JSON.

Options:
  --ip ADDR                  the connecting client's IPv4 or IPv6 address
  --mail-from ADDR           the MAIL FROM address (its domain is checked)
  --helo NAME                the HELO name (checked when --mail-from is empty)
  --dns off|live             resolve names outside the given zones over DNS (default live)
  --dns-server IP[:PORT]     use this DNS server instead of the system resolver
  --config FILE              settings file (default: nearest ${CONFIG_FILE_NAME})

Exit status: 0 whatever the result, 2 usage or I/O problem.
`;

/** A problem with the command line or the files: reported on stderr with exit status 2. */
export class UsageError extends Error {}

export interface CliIo {
  /** Receives the output: the help and SPF texts as strings, the lint report as UTF-8 chunks. */
  readonly stdout: (chunk: string | Buffer) => void;
  /**
   * True when everything handed to `stdout` so far is written out, so that a chunk handed on is no longer held and
   * its buffer may be filled again. Without it, every chunk is a fresh buffer.
   */
  readonly stdoutWritten?: () => boolean;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return argv[0] === 'spf' ? await spfCommand(argv.slice(1), io) : await lintCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`zonelint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function lintCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string', default: 'text' },
      origin: { type: 'string' },
      dns: { type: 'string' },
      'dns-server': { type: 'string' },
      config: { type: 'string' },
      version: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  if (positionals.length === 0) throw new UsageError(`no files given\n\n${USAGE}`);
  const workspace = openWorkspace({ positionals, io, config: values.config, dns: values.dns, dnsServer: values['dns-server'], origin: values.origin });
  const reports = await lintWorkspace(workspace, io);
  // The output goes out as it is written: for a large zone it is bigger than the zone itself.
  writeReports(reports, format, { cwd: io.cwd, version, write: io.stdout, written: io.stdoutWritten });
  return reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) ? 1 : 0;
}

/** node:util's parseArgs with positionals, where an unknown or malformed option is a usage error. */
function parseCommandLine<const T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true as const, strict: true as const, options });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** Reads the given files and folders into one workspace, with the settings of the config file and the flags. */
function openWorkspace(input: {
  positionals: readonly string[];
  io: CliIo;
  config: string | undefined;
  dns: string | undefined;
  dnsServer: string | undefined;
  origin?: string;
}): ZonelintWorkspace {
  const inputs = input.positionals.map((positional) => path.resolve(input.io.cwd, positional));
  for (const file of inputs) {
    if (statSync(file, { throwIfNoEntry: false }) === undefined) throw new UsageError(`no such file or directory: ${file}`);
  }
  const settings = loadSettings({ configPath: input.config, inputs, io: input.io, dns: input.dns, dnsServer: input.dnsServer });
  const files = collectFiles(inputs, settings);
  if (input.origin !== undefined && files.length !== 1) throw new UsageError('--origin applies to a single zone file');
  const roots = [input.io.cwd, ...inputs.map((file) => (statSync(file).isDirectory() ? file : path.dirname(file)))];
  // The CLI prints findings and never their fixes.
  const workspace = new ZonelintWorkspace({ settings, host: diskIncludeHost(roots), withoutFixes: true });
  for (const file of files) {
    let text: string;
    try {
      text = readZoneText(file);
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    workspace.setFile(file, text, input.origin);
  }
  return workspace;
}

/** `zonelint spf`: RFC 7208 check_host() for one sender against the zones (then DNS), printed as JSON. */
async function spfCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      ip: { type: 'string' },
      'mail-from': { type: 'string', default: '' },
      helo: { type: 'string', default: '' },
      dns: { type: 'string' },
      'dns-server': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    SPF_USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(SPF_USAGE);
    return 0;
  }
  const ip = values.ip;
  if (ip === undefined || isIP(ip) === 0) throw new UsageError(`--ip must be an IPv4 or IPv6 address\n\n${SPF_USAGE}`);
  const mailFrom = values['mail-from'] as string;
  const helo = values.helo as string;
  if (mailFrom === '' && helo === '') throw new UsageError(`give --mail-from, or --helo for an empty sender\n\n${SPF_USAGE}`);
  if (positionals.length === 0) throw new UsageError(`no zone files given\n\n${SPF_USAGE}`);
  const workspace = openWorkspace({ positionals, io, config: values.config, dns: values.dns, dnsServer: values['dns-server'] });
  const evaluation = await checkSpf({ ip, mailFrom, helo, resolver: workspace.getResolver() });
  io.stdout(JSON.stringify(evaluation, null, 2) + '\n');
  return 0;
}

/** Lints every zone of the workspace; a file read through `$INCLUDE` gets its own report, under the zone's origin. */
async function lintWorkspace(workspace: ZonelintWorkspace, io: CliIo): Promise<FileReport[]> {
  const reports = new Map<string, { origin: string | undefined; diagnostics: Diagnostic[] }>();
  for (const zone of workspace.zones()) {
    const output = await workspace.lint(zone.file.path);
    for (const error of output.internalErrors) io.stderr(`zonelint: internal error: ${error}\n`);
    for (const file of zone.files) if (!reports.has(file.path)) reports.set(file.path, { origin: zone.origin, diagnostics: [] });
    // Diagnostics come grouped by file, so the list of the previous one is mostly the right one.
    let file: SourceFile | undefined;
    let list: Diagnostic[] | undefined;
    for (const diagnostic of output.diagnostics) {
      if (diagnostic.file !== file) {
        file = diagnostic.file;
        list = reports.get(file.path)?.diagnostics;
      }
      list?.push(diagnostic);
    }
  }
  return [...reports].map(([file, report]) => ({ path: file, origin: report.origin, diagnostics: report.diagnostics }));
}

function loadSettings(input: { configPath: string | undefined; inputs: readonly string[]; io: CliIo; dns: string | undefined; dnsServer: string | undefined }): Settings {
  const firstDirectory = statSync(input.inputs[0]).isDirectory() ? input.inputs[0] : path.dirname(input.inputs[0]);
  const configFile = input.configPath !== undefined ? path.resolve(input.io.cwd, input.configPath) : findConfigFile(firstDirectory);
  let raw: unknown;
  if (configFile !== undefined) {
    try {
      raw = JSON.parse(readFileSync(configFile, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read config ${configFile}: ${(error as Error).message}`);
    }
  }
  const overrides: Record<string, unknown> = {};
  if (input.dns !== undefined) {
    if (input.dns !== 'off' && input.dns !== 'live') throw new UsageError(`--dns must be off or live, not '${input.dns}'`);
    overrides.dns = input.dns;
  }
  if (input.dnsServer !== undefined) overrides.dnsServer = input.dnsServer;
  const fromFile = parseSettings(raw, DEFAULT_SETTINGS);
  for (const problem of fromFile.problems) input.io.stderr(`zonelint: ${configFile}: ${problem.key}: ${problem.message}\n`);
  const final = parseSettings(overrides, fromFile.settings);
  if (final.problems.length > 0) throw new UsageError(final.problems.map((problem) => `--${problem.key === 'dnsServer' ? 'dns-server' : problem.key}: ${problem.message}`).join('\n'));
  return final.settings;
}

function collectFiles(inputs: readonly string[], settings: Settings): string[] {
  const files = new Set<string>();
  for (const input of inputs) {
    if (statSync(input).isDirectory()) for (const file of findZoneFiles(input, Object.keys(settings.origins))) files.add(file);
    else files.add(input);
  }
  return [...files];
}


/** Entry point of the `zonelint` bin: runs with the process's arguments and streams, and sets the exit code. */
export function main(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    // A write to a file, a terminal or (on Linux) a pipe is done when the call returns, and the stream then holds
    // nothing; elsewhere a pipe queues the chunk, and the stream's length says so.
    stdoutWritten: () => process.stdout.writableLength === 0,
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // Once every byte of output is out, leaving at once spares the teardown of a heap that held a large zone (a
      // third of a second after a 700,000-record zone). Where a stream still holds output (an asynchronous pipe),
      // the process ends the usual way, after writing it.
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`zonelint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

// `node dist/cli.js ...` runs the CLI too; the bin script requires the bundle and calls main() itself.
if (require.main === module) main();
