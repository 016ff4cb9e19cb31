// The state of one language-server session: the core workspace of open buffers and indexed files (remembering each
// zone's last lint), the folders and trust it may read, the settings, the reactions to documents, settings and files
// changing on disk, and the code actions and generators that edit the zones.

import { readZoneText } from './fileText';
import path from 'node:path';
import type { CodeAction, CodeActionParams, Connection, FileEvent, InitializeParams } from 'vscode-languageserver/node';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GenerateResult, SerialBump } from './codeActions';
import { codeActions, runGenerateCommand } from './codeActions';
import type { Settings, SourceFile, Zone } from './core';
import { ZonelintWorkspace } from './core';
import { checkSpf } from './core/email/spf/evaluate';
import type { GenerateParams, GeneratorRequest } from './core/generators/requests';
import type { LintOutput } from './core/lint';
import { ZoneChecker } from './diagnostics';
import type { OpenDocuments } from './documents';
import { pathOfUri } from './documents';
import type { CheckSpfParams, CheckSpfResult, InitializationOptions } from './protocol';
import { effectiveSettings, PROJECT_FILE_NAME } from './settings';
import { findZoneFiles, isZoneFile, loadFiles, readText } from './workspaceIndex';

/** Below this many files the index loads without a progress bar. */
const PROGRESS_THRESHOLD = 50;
/** How long a zone must stay unchanged before it is checked again. */
const CHECK_DELAY_MS = 150;
const WATCHED_GLOBS = ['**/*.zone', '**/db.*', '**/*.db', `**/${PROJECT_FILE_NAME}`];
/** The generators `zonelint.generate` runs, as a record so a new request kind cannot be left out. */
const GENERATOR_KINDS: Readonly<Record<GeneratorRequest['kind'], true>> = {
  dmarc: true,
  spf: true,
  'microsoft365-dkim': true,
  'dkim-key': true,
  'no-mail': true,
  'bump-serial': true,
};

export interface SessionOptions {
  readonly connection: Connection;
  readonly documents: OpenDocuments;
  readonly params: InitializeParams;
  readonly log: (message: string) => void;
}

type ZoneLint = LintOutput & { zone: Zone };

/**
 * The core workspace that keeps each zone's last lint until anything in the workspace changes (a file, a setting):
 * editors ask for code actions on every cursor move, and those then reuse the check the Problems view shows rather
 * than linting again. A lint still running when a change comes is not kept.
 */
export class RememberingWorkspace extends ZonelintWorkspace {
  private readonly lints = new Map<string, Promise<ZoneLint>>();

  override setFile(filePath: string, text: string, explicitOrigin?: string): void {
    super.setFile(filePath, text, explicitOrigin);
    this.lints.clear();
  }

  override deleteFile(filePath: string): void {
    super.deleteFile(filePath);
    this.lints.clear();
  }

  override setSettings(settings: Settings): void {
    super.setSettings(settings);
    this.lints.clear();
  }

  override lint(filePath: string): Promise<ZoneLint> {
    const remembered = this.lints.get(filePath);
    if (remembered !== undefined) return remembered;
    const linting = super.lint(filePath);
    this.lints.set(filePath, linting);
    // A failed lint is not remembered: the next request tries again.
    linting.catch(() => {
      if (this.lints.get(filePath) === linting) this.lints.delete(filePath);
    });
    return linting;
  }
}

export class ZoneSession {
  readonly workspace: ZonelintWorkspace;
  private readonly checker: ZoneChecker;
  private readonly folders: string[];
  private readonly trusted: boolean;
  private readonly initializationOptions: InitializationOptions;

  constructor(private readonly options: SessionOptions) {
    const { params, documents } = options;
    this.initializationOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    this.trusted = this.initializationOptions.trusted !== false;
    this.folders = (params.workspaceFolders ?? []).map((folder) => pathOfUri(folder.uri));
    if (this.folders.length === 0 && params.rootUri) this.folders.push(pathOfUri(params.rootUri));
    const initial = effectiveSettings({ editor: this.initializationOptions.settings, projectFile: undefined, trusted: this.trusted });
    this.workspace = new RememberingWorkspace({
      settings: initial.settings,
      host: {
        readFile: (filePath) => documents.byPath(filePath)?.getText() ?? readDisk(filePath),
        mayRead: (filePath) => this.mayRead(filePath),
      },
    });
    this.checker = new ZoneChecker({ connection: options.connection, workspace: this.workspace, documents, delayMs: CHECK_DELAY_MS, log: options.log });
  }

  /** After `initialized`: watch the disk, read the settings, index the folders, then start checking. */
  async start(): Promise<void> {
    const { connection, params, log } = this.options;
    log(`zonelint server: ${this.trusted ? 'trusted' : 'untrusted (no DNS, no $INCLUDE)'} workspace, folders: ${this.folders.join(', ') || 'none'}`);
    if (params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (params.capabilities.workspace?.workspaceFolders === true) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) this.removeFolder(pathOfUri(removed.uri));
        const added = event.added.map((folder) => pathOfUri(folder.uri));
        this.folders.push(...added);
        void this.index(added).catch((error: unknown) => log(`indexing failed: ${String(error)}`));
      });
    }
    await this.reloadSettings(undefined);
    // The first check waits for the index, so its cross-zone results are final rather than a first guess.
    await this.index(this.folders);
    this.checker.start();
  }

  /** The zone a file belongs to (its own, or the one that `$INCLUDE`s it) and the file as that zone read it. */
  fileAt(uri: string): { zone: Zone; file: SourceFile } | undefined {
    const filePath = pathOfUri(uri);
    for (const zone of this.checker.zonesReading(filePath)) {
      const file = zone.files.find((candidate) => candidate.path === filePath);
      if (file !== undefined) return { zone, file };
    }
    return undefined;
  }

  /**
   * RFC 7208 check_host() for one sender over the workspace resolver: names in the workspace zones are answered
   * from the files as they are in the editor, others from DNS as the settings and workspace trust allow.
   */
  checkSpf(params: CheckSpfParams): Promise<CheckSpfResult> {
    // Any client may send this request, so fields it left out are read as empty rather than trusted.
    return checkSpf({ ip: textOf(params.ip), mailFrom: textOf(params.mailFrom), helo: textOf(params.helo), resolver: this.workspace.getResolver() });
  }

  /**
   * The quick fixes for the findings in a range of a document and, when asked, its fix-all action; the findings are
   * those of the zone that reads the document, as last linted.
   */
  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const target = this.fileAt(params.textDocument.uri);
    if (target === undefined) return [];
    const { diagnostics } = await this.workspace.lint(target.zone.file.path);
    return codeActions({ diagnostics, filePath: target.file.path, params, uriOf: this.options.documents.uriOf, serialBump: this.serialBump() });
  }

  /** Runs `zonelint.generate` with the arguments a client sent; a malformed argument is refused, never trusted. */
  generate(args: readonly unknown[] | undefined): GenerateResult {
    const params = args?.[0];
    if (!isGenerateParams(params)) return { kind: 'refused', reason: 'zonelint.generate takes one argument: { uri, position, request }' };
    return runGenerateCommand({ params, target: this.fileAt(params.uri), uriOf: this.options.documents.uriOf, now: new Date(), serialBump: this.serialBump() });
  }

  documentChanged(document: TextDocument): void {
    const filePath = pathOfUri(document.uri);
    const before = this.checker.zonesReading(filePath);
    this.workspace.setFile(filePath, document.getText());
    this.checker.fileChanged(filePath, before);
  }

  /** A closed buffer falls back to the file on disk (when it is part of the workspace) or leaves the workspace. */
  async documentClosed(document: TextDocument): Promise<void> {
    const filePath = pathOfUri(document.uri);
    const before = this.checker.zonesReading(filePath);
    const onDisk = this.isInFolders(filePath) && (await isZoneFile(filePath)) ? await readText(filePath) : undefined;
    if (this.options.documents.isOpen(filePath)) return;
    if (onDisk === undefined) this.workspace.deleteFile(filePath);
    else this.workspace.setFile(filePath, onDisk);
    this.checker.fileChanged(filePath, before);
  }

  async watchedFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const filePath = pathOfUri(change.uri);
      if (path.basename(filePath) === PROJECT_FILE_NAME) {
        await this.reloadSettings(undefined);
        continue;
      }
      // An open buffer is what the user sees; the disk catches up when they save.
      if (this.options.documents.isOpen(filePath)) continue;
      const before = this.checker.zonesReading(filePath);
      if (change.type === FileChangeType.Deleted) {
        if (!this.workspace.hasFile(filePath)) continue;
        this.workspace.deleteFile(filePath);
      } else {
        if (!this.isInFolders(filePath) || !(await isZoneFile(filePath))) continue;
        const text = await readText(filePath);
        if (text === undefined) continue;
        this.workspace.setFile(filePath, text);
      }
      this.checker.fileChanged(filePath, before);
    }
  }

  /**
   * Reads the settings again: from `workspace/configuration` when the client answers it, else from what it pushed
   * (`pushed`, the `settings` of `didChangeConfiguration`) or sent at initialization.
   */
  async reloadSettings(pushed: unknown): Promise<void> {
    const { connection, params, log } = this.options;
    let editor: unknown = this.initializationOptions.settings;
    if (params.capabilities.workspace?.configuration === true) editor = await connection.workspace.getConfiguration('zonelint');
    else if (isRecord(pushed) && pushed.zonelint !== undefined) editor = pushed.zonelint;
    const { settings, problems } = effectiveSettings({ editor, projectFile: await this.readProjectFile(), trusted: this.trusted });
    for (const problem of problems) log(problem);
    this.workspace.setSettings(settings);
    this.checker.recheckAll();
  }

  /** The serial bump that goes with every edit when `bumpSerialOnFix` is on. */
  private serialBump(): SerialBump | undefined {
    return this.workspace.getSettings().bumpSerialOnFix ? { zones: this.workspace.zones(), now: new Date() } : undefined;
  }

  private async index(folders: readonly string[]): Promise<void> {
    if (folders.length === 0) return;
    const started = Date.now();
    const files = (await Promise.all(folders.map((folder) => findZoneFiles(folder)))).flat();
    const reporter = files.length >= PROGRESS_THRESHOLD ? await this.options.connection.window.createWorkDoneProgress() : undefined;
    reporter?.begin('zonelint', 0, `reading ${files.length} zone files`);
    await loadFiles({
      files,
      load: (filePath, text) => {
        if (!this.options.documents.isOpen(filePath)) this.workspace.setFile(filePath, text);
      },
      progress: (done, total) => reporter?.report(Math.round((done * 100) / total), `${done} of ${total} zone files`),
    });
    reporter?.done();
    this.options.log(`indexed ${files.length} zone files in ${Date.now() - started} ms`);
    this.checker.recheckAll();
  }

  private removeFolder(folder: string): void {
    const index = this.folders.indexOf(folder);
    if (index >= 0) this.folders.splice(index, 1);
    for (const filePath of this.workspace.filePaths()) {
      if (isInside(filePath, folder) && !this.options.documents.isOpen(filePath)) this.workspace.deleteFile(filePath);
    }
    this.checker.recheckAll();
  }

  private async readProjectFile(): Promise<unknown> {
    for (const folder of this.folders) {
      const file = path.join(folder, PROJECT_FILE_NAME);
      const text = await readText(file);
      if (text === undefined) continue;
      try {
        return JSON.parse(text);
      } catch (error) {
        this.options.log(`${file}: not valid JSON (${(error as Error).message}); ignored`);
        return undefined;
      }
    }
    return undefined;
  }

  /**
   * `$INCLUDE` may read only inside the workspace folders (or beside the open documents when there is no folder),
   * and nothing at all in an untrusted workspace.
   */
  private mayRead(filePath: string): boolean {
    if (!this.trusted) return false;
    if (this.isInFolders(filePath)) return true;
    return this.folders.length === 0 && this.options.documents.openPaths().some((open) => isInside(filePath, path.dirname(open)));
  }

  private isInFolders(filePath: string): boolean {
    return this.folders.some((folder) => isInside(filePath, folder));
  }
}

function isInside(filePath: string, folder: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function readDisk(filePath: string): string | undefined {
  try {
    return readZoneText(filePath);
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The shape of `zonelint.generate`'s argument; the request's own fields are read by the generator it names. */
function isGenerateParams(value: unknown): value is GenerateParams {
  if (!isRecord(value) || typeof value.uri !== 'string') return false;
  const { position, request, domain } = value;
  if (!isRecord(position) || typeof position.line !== 'number' || typeof position.character !== 'number') return false;
  if (domain !== undefined && typeof domain !== 'string') return false;
  return isRecord(request) && typeof request.kind === 'string' && Object.hasOwn(GENERATOR_KINDS, request.kind);
}
