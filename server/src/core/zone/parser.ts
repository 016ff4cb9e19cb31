// The zone-file reader: turns lexer entries into records with BIND's semantics for owners, origins, TTLs, classes
// and directives ($ORIGIN, $TTL, $INCLUDE, $GENERATE, $DATE), reporting each problem at its place and resuming
// at the next entry, so one bad line never hides the rest.

import path from 'node:path';
import type { Finding, Severity, Span } from '../types';
import { SourceFile } from '../types';
import { expandGenerate, parseGenerateHeader } from './generate';
import type { Comment, ScannedEntry, Token } from './lexer';
import { scanEntries, scannedExtent, TokenKind } from './lexer';
import { rememberExtents } from './extents';
import type { IncludeDirective, OriginSource, ResourceRecord, Zone } from './model';
import { decodeEscapes, isSubdomainOf, LastNameMemo, parseName, ROOT } from './names';
import { parseRdata, readRdata } from './rdata';
import type { ParsedRdata } from './rdata/types';
import type { RecordSource } from './record';
import { GeneratedRecord, WrittenRecord } from './record';
import { CLASSES, classFromText, className, typeLookupAt } from './rrtypes';
import { looksLikeTtl, MAX_TTL, parseTtl } from './ttl';

/** How `$INCLUDE` reaches other files; the CLI reads the disk, the server also sees unsaved editor buffers. */
export interface IncludeHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(filePath: string): string | undefined;
  /** Whether zonelint may read this file at all (inside the workspace, and the workspace is trusted). */
  mayRead(filePath: string): boolean;
}

export interface ParseOptions {
  readonly file: SourceFile;
  /** Canonical absolute origin, or undefined when unknown (the root is used and zone-origin-unknown reported). */
  readonly origin: string | undefined;
  readonly originSource: OriginSource;
  readonly host: IncludeHost;
  readonly generateLimit: number;
  /** The zone class; IN unless the caller knows better. */
  readonly rrclass?: number;
}

export const MAX_INCLUDE_DEPTH = 16;
/**
 * The most files one zone may read through `$INCLUDE`. Cycles and depth are limited above, but a file that
 * includes another ten times, each of which does the same, still multiplies the work by ten per level.
 */
export const MAX_INCLUDED_FILES = 1024;
/** Messages quote the text at fault, and a token can be megabytes long; longer messages lose their middle. */
const MAX_MESSAGE_LENGTH = 300;
const CLASS_IN = 1;
const DOLLAR = 36;
const TYPE_SOA = 6;

/** Parses a zone file and everything it includes. Never throws on bad input. */
export function parseZone(options: ParseOptions): Zone {
  const reader = new ZoneReader(options);
  reader.readFile(options.file, 0);
  return reader.result();
}

/** The per-file state that `$INCLUDE` saves and restores (BIND restores origin and current owner). */
interface FileState {
  origin: string;
  lastOwner: string | undefined;
  /** Set right after `$ORIGIN`, for zone-inherited-owner-after-origin. */
  originJustChanged: boolean;
}

class ZoneReader {
  private readonly records: ResourceRecord[] = [];
  private readonly findings: Finding[] = [];
  private readonly files: SourceFile[] = [];
  private readonly comments = new Map<SourceFile, Comment[]>();
  private readonly includes: IncludeDirective[] = [];
  private readonly includeStack: string[] = [];
  private readonly zoneOrigin: string;
  private readonly rrclass: number;
  /** `$TTL`, or the SOA minimum once the SOA supplied a default. */
  private defaultTtl: number | undefined;
  /** The last TTL written on a record (RFC 1035 semantics). */
  private lastExplicitTtl: number | undefined;
  private inheritedTtlReported = false;
  private includedFiles = 0;
  private readonly recentOwners = new RecentOwners();
  private readonly names = new LastNameMemo();
  /** The origin asked about last, and whether it lies inside the zone. */
  private checkedOrigin: string | undefined;
  private checkedOriginInside = false;
  private currentSource: RecordSource | undefined;

  constructor(private readonly options: ParseOptions) {
    this.zoneOrigin = options.origin ?? ROOT;
    this.rrclass = options.rrclass ?? CLASS_IN;
  }

  result(): Zone {
    return {
      file: this.options.file,
      origin: this.options.origin,
      originSource: this.options.originSource,
      rrclass: this.rrclass,
      records: this.records,
      files: this.files,
      comments: this.comments,
      parseFindings: this.findings,
      includes: this.includes,
    };
  }

  readFile(file: SourceFile, depth: number, state?: FileState): void {
    this.files.push(file);
    this.includeStack.push(file.path);
    const fileState: FileState = state ?? { origin: this.zoneOrigin, lastOwner: undefined, originJustChanged: false };
    // Suppression comments need the extent of the record after them. When the file holds one, the extents are
    // noted while reading it, rather than lexing the whole file again on every lint.
    const extents: Span[] | undefined = file.text.includes('zonelint-disable-next-line') ? [] : undefined;
    const lexed = scanEntries(file.text, (entry) => {
      extents?.push(scannedExtent(entry));
      this.readEntry(file, entry, fileState, depth);
    });
    if (extents !== undefined) rememberExtents(file, extents);
    this.comments.set(file, lexed.comments);
    this.includeStack.pop();
  }

  private report(ruleId: string, severity: Severity, message: string, file: SourceFile, span: Span): void {
    this.findings.push({ ruleId, severity, message: shortened(message), location: { file, span } });
  }

  private readEntry(file: SourceFile, entry: ScannedEntry, state: FileState, depth: number): void {
    if (entry.errors.length > 0) {
      for (const error of entry.errors) this.report('zone-syntax', 'error', error.message, file, error.span);
      return;
    }
    const text = entry.text;
    const firstStart = entry.starts[0];
    const lastEnd = entry.ends[entry.count - 1];
    if (!entry.blankOwner && entry.kinds[0] === TokenKind.Word && text.charCodeAt(firstStart) === DOLLAR) {
      this.readDirective(file, entry, state, depth);
      return;
    }
    const justChanged = state.originJustChanged;
    state.originJustChanged = false;
    let index = 0;
    let owner: string;
    let ownerEnd = -1;
    if (entry.blankOwner) {
      if (state.lastOwner === undefined) {
        this.report('zone-no-owner', 'error', 'no current owner name: this record has a blank owner but no record before it named one', file, { start: firstStart, end: lastEnd });
        return;
      }
      owner = state.lastOwner;
      if (justChanged) {
        this.report(
          'zone-inherited-owner-after-origin',
          'warning',
          `record with inherited owner (${owner}) immediately after $ORIGIN (${state.origin}): the owner is not relative to the new origin`,
          file,
          { start: entry.lineStart, end: firstStart },
        );
      }
    } else {
      const recent = this.recentOwners.find(entry, state.origin);
      if (recent !== undefined) {
        owner = recent;
      } else {
        const ownerText = entry.tokenText(0);
        const parsed = this.readName(file, ownerText, { start: firstStart, end: entry.ends[0] }, state.origin);
        if (parsed === undefined) return;
        owner = parsed;
        // A name written relative to an origin inside the zone is inside it too, whatever its labels.
        this.recentOwners.add(ownerText, state.origin, parsed, !endsWithUnescapedDot(ownerText) && this.originInside(state.origin));
      }
      ownerEnd = entry.ends[0];
      state.lastOwner = owner;
      index = 1;
    }
    const header = this.readRecordHeader(file, entry, index);
    if (header === undefined) return;
    this.addRecord({
      file,
      entryStart: firstStart,
      entryEnd: lastEnd,
      owner,
      ownerEnd,
      header,
      rdataTokens: entry.tokensFrom(header.next),
      origin: state.origin,
      generated: undefined,
    });
  }

  /**
   * Reads `[class] [ttl] [class] type` from token `index` on; undefined (after reporting) when malformed. The
   * class, TTL and type are read in place: they are most of a zone's tokens and none of them is kept as text.
   */
  private readRecordHeader(file: SourceFile, entry: ScannedEntry, index: number): RecordHeader | undefined {
    const text = entry.text;
    let rrclass: number | undefined;
    let classIndex = -1;
    let ttl: number | undefined;
    let ttlIndex = -1;
    let i = index;
    const wordAt = (at: number): boolean => {
      if (at >= entry.count) {
        const end = entry.ends[entry.count - 1];
        this.report('zone-syntax', 'error', 'unexpected end of input: a record needs a type and data', file, { start: end, end });
        return false;
      }
      if (entry.kinds[at] !== TokenKind.Word) {
        this.report('zone-syntax', 'error', 'a quoted string is not allowed here (expected a TTL, class or type)', file, tokenSpan(entry, at));
        return false;
      }
      return true;
    };
    if (!wordAt(i)) return undefined;
    const classCode = classAt(entry, i);
    if (classCode !== undefined) {
      rrclass = classCode;
      classIndex = i;
      i++;
      if (!wordAt(i)) return undefined;
    }
    if (looksLikeTtl(text, entry.starts[i])) {
      const ttlText = entry.tokenText(i);
      const parsed = parseTtl(ttlText);
      if (parsed.error !== undefined) {
        const why = parsed.error === 'range' ? 'it is larger than 4294967295' : 'expected a number or number-unit pairs like 1h30m';
        this.report('zone-bad-ttl', 'error', `bad TTL '${ttlText}': ${why}`, file, tokenSpan(entry, i));
        return undefined;
      }
      ttl = this.clampTtl(parsed.value, file, tokenSpan(entry, i));
      ttlIndex = i;
      i++;
      if (!wordAt(i)) return undefined;
      if (rrclass === undefined) {
        const after = classAt(entry, i);
        if (after !== undefined) {
          rrclass = after;
          classIndex = i;
          i++;
          if (!wordAt(i)) return undefined;
        }
      }
    }
    const type = typeLookupAt(text, entry.starts[i], entry.ends[i]);
    if (type.error !== undefined) {
      this.report('zone-unknown-type', 'error', `${type.error}: not a known type mnemonic nor TYPEnnn`, file, tokenSpan(entry, i));
      return undefined;
    }
    if (type.meta) {
      this.report('zone-unknown-type', 'error', `'${entry.tokenText(i)}' is a meta-type and cannot appear as zone data`, file, tokenSpan(entry, i));
      return undefined;
    }
    if (rrclass !== undefined && rrclass !== this.rrclass) {
      this.report('zone-class-mismatch', 'error', `class '${className(rrclass)}' != zone class '${className(this.rrclass)}'`, file, tokenSpan(entry, classIndex));
      return undefined;
    }
    return {
      ttl,
      ttlStart: ttlIndex < 0 ? -1 : entry.starts[ttlIndex],
      ttlEnd: ttlIndex < 0 ? -1 : entry.ends[ttlIndex],
      type: type.code,
      typeStart: entry.starts[i],
      typeEnd: entry.ends[i],
      next: i + 1,
    };
  }

  /** Applies RFC 2181 §8 as BIND does: values from 2^31 are treated as 0, with a warning. */
  private clampTtl(value: number, file: SourceFile, at: Span): number {
    if (value <= MAX_TTL) return value;
    this.report('zone-bad-ttl', 'warning', `TTL ${value} is above the maximum ${MAX_TTL} (RFC 2181 §8); it is treated as 0`, file, at);
    return 0;
  }

  private addRecord(input: {
    file: SourceFile;
    entryStart: number;
    entryEnd: number;
    owner: string;
    /** The end of the written owner, which starts the entry; -1 when the owner is inherited. */
    ownerEnd: number;
    header: RecordHeader;
    rdataTokens: readonly Token[];
    origin: string;
    /** The span of the `$GENERATE` template's owner, for a generated record. */
    generated: Span | undefined;
  }): void {
    const { file, header, rdataTokens } = input;
    if (this.options.origin !== undefined && !this.isInside(input.owner)) {
      // BIND ignores records outside the zone; so does zonelint, after saying so where the owner is written.
      if (input.generated === undefined) {
        const at = input.ownerEnd < 0 ? { start: header.typeStart, end: header.typeEnd } : { start: input.entryStart, end: input.ownerEnd };
        this.report('zone-out-of-zone', 'warning', `ignoring out-of-zone data: ${input.owner} is not inside ${this.zoneOrigin} (a relative name missing its origin, or a stray trailing dot?)`, file, at);
      }
      return;
    }
    const context = { origin: input.origin, entryEnd: input.entryEnd, asciiText: file.ascii, names: this.names, sourceText: input.generated === undefined ? file.text : undefined };
    // A written record rebuilds its wire form from its text when asked; a generated one has no text of its own.
    let generatedWire: Uint8Array | undefined;
    let parsed: Omit<ParsedRdata, 'wire'>;
    if (input.generated !== undefined) {
      const full = parseRdata(header.type, rdataTokens, context);
      generatedWire = full.wire;
      parsed = full;
    } else {
      parsed = readRdata(header.type, rdataTokens, context);
    }
    const issues = parsed.issues;
    for (let i = 0; i < issues.length; i++) this.report(issues[i].ruleId, issues[i].severity ?? 'error', issues[i].message, file, issues[i].span);
    const data = parsed.data;
    if (data === undefined) return;
    let ttl: number;
    if (header.ttl !== undefined) {
      ttl = header.ttl;
      this.lastExplicitTtl = ttl;
    } else if (this.defaultTtl !== undefined) {
      ttl = this.defaultTtl;
    } else if (this.lastExplicitTtl !== undefined) {
      ttl = this.lastExplicitTtl;
      if (!this.inheritedTtlReported) {
        this.inheritedTtlReported = true;
        this.report(
          'zone-ttl-inherited',
          'warning',
          `no $TTL: this record (and every later one without a TTL) takes the previous record's TTL ${ttl} (RFC 1035 semantics); add a $TTL line`,
          file,
          { start: header.typeStart, end: header.typeEnd },
        );
      }
    } else if (header.type === TYPE_SOA && data.kind === 'soa') {
      ttl = data.minimum;
      this.defaultTtl = ttl;
    } else {
      this.report('zone-no-ttl', 'error', 'no TTL specified: add a $TTL line before the first record or a TTL on this record', file, { start: header.typeStart, end: header.typeEnd });
      return;
    }
    const rdataStart = rdataTokens.length > 0 ? rdataTokens[0].start : header.typeEnd;
    const rdataEnd = rdataTokens.length > 0 ? rdataTokens[rdataTokens.length - 1].end : header.typeEnd;
    if (input.generated !== undefined) {
      this.records.push(
        new GeneratedRecord({
          file,
          owner: input.owner,
          ttl,
          rrclass: this.rrclass,
          type: header.type,
          data,
          wire: generatedWire!,
          span: { start: input.entryStart, end: input.entryEnd },
          ownerSpan: input.generated,
          ttlSpan: header.ttlStart < 0 ? undefined : { start: header.ttlStart, end: header.ttlEnd },
          typeSpan: { start: header.typeStart, end: header.typeEnd },
          rdataSpan: { start: rdataStart, end: rdataEnd },
        }),
      );
      return;
    }
    this.records.push(
      // One literal with every field (no spread): V8 then builds it with one fixed shape, fast.
      new WrittenRecord({
        source: this.sourceFor(file, input.origin),
        owner: input.owner,
        ttl,
        type: header.type,
        data,
        entryStart: input.entryStart,
        ownerEnd: input.ownerEnd,
        ttlStart: header.ttlStart,
        ttlEnd: header.ttlEnd,
        typeStart: header.typeStart,
        typeEnd: header.typeEnd,
        rdataStart,
        rdataEnd,
      }),
    );
  }

  private originInside(origin: string): boolean {
    if (origin !== this.checkedOrigin) {
      this.checkedOrigin = origin;
      this.checkedOriginInside = isSubdomainOf(origin, this.zoneOrigin);
    }
    return this.checkedOriginInside;
  }

  /** Whether an owner lies inside the zone; asked once for each of the recent owners. */
  private isInside(owner: string): boolean {
    if (this.recentOwners.knownInside(owner)) return true;
    if (!isSubdomainOf(owner, this.zoneOrigin)) return false;
    this.recentOwners.markInside(owner);
    return true;
  }

  /** The source shared by the records of a stretch of one file under one origin: made anew only when they change. */
  private sourceFor(file: SourceFile, origin: string): RecordSource {
    const current = this.currentSource;
    if (current !== undefined && current.file === file && current.origin === origin) return current;
    const source: RecordSource = { file, origin, rrclass: this.rrclass };
    this.currentSource = source;
    return source;
  }

  /** Reads a name token (quoted owners are allowed, as in BIND); reports and returns undefined on error. */
  private readName(file: SourceFile, text: string, at: Span, origin: string): string | undefined {
    const result = this.names.parse(text, origin);
    if (result.error !== undefined) {
      this.report('zone-bad-name', 'error', `bad name '${text}': ${result.error.message}`, file, at);
      return undefined;
    }
    return result.name;
  }

  private readDirective(file: SourceFile, entry: ScannedEntry, state: FileState, depth: number): void {
    const tokens = entry.tokensFrom(0);
    const directive = tokens[0];
    const name = directive.text.toUpperCase();
    switch (name) {
      case '$ORIGIN': {
        const argument = this.directiveArguments(file, tokens, 1, 1);
        if (argument === undefined) return;
        const origin = this.readName(file, argument[0].text, argument[0], state.origin);
        if (origin === undefined) return;
        state.origin = origin;
        state.originJustChanged = true;
        return;
      }
      case '$TTL': {
        const argument = this.directiveArguments(file, tokens, 1, 1);
        if (argument === undefined) return;
        const parsed = parseTtl(argument[0].text);
        if (parsed.error !== undefined) {
          this.report('zone-bad-ttl', 'error', `bad $TTL '${argument[0].text}'`, file, argument[0]);
          return;
        }
        this.defaultTtl = this.clampTtl(parsed.value, file, argument[0]);
        return;
      }
      case '$INCLUDE': {
        const argument = this.directiveArguments(file, tokens, 1, 2, true);
        if (argument === undefined) return;
        this.readInclude(file, argument, state, depth);
        return;
      }
      case '$GENERATE':
        this.readGenerate(file, entry, tokens, state);
        return;
      case '$DATE': {
        // BIND writes $DATE in cache dumps; it carries no zone data, so it is read and not flagged.
        const argument = this.directiveArguments(file, tokens, 1, 1);
        if (argument !== undefined && !/^\d{14}$/.test(argument[0].text)) {
          this.report('zone-syntax', 'error', `bad $DATE '${argument[0].text}' (expected yyyymmddhhmmss)`, file, argument[0]);
        }
        return;
      }
      default:
        this.report('zone-syntax', 'error', `unknown $ directive '${directive.text}'`, file, directive);
    }
  }

  /** The arguments of a directive, `min` to `max` of them; reports missing, extra and quoted ones. */
  private directiveArguments(file: SourceFile, tokens: readonly Token[], min: number, max: number, firstMayBeQuoted = false): Token[] | undefined {
    const args = tokens.slice(1);
    if (args.length < min) {
      this.report('zone-syntax', 'error', `unexpected end of input: ${tokens[0].text} needs an argument`, file, tokens[0]);
      return undefined;
    }
    if (args.length > max) {
      this.report('zone-syntax', 'error', 'extra input text', file, { start: args[max].start, end: args[args.length - 1].end });
      return undefined;
    }
    for (let i = 0; i < args.length; i++) {
      if (args[i].kind === TokenKind.QString && !(i === 0 && firstMayBeQuoted)) {
        this.report('zone-syntax', 'error', 'a quoted string is not allowed here', file, args[i]);
        return undefined;
      }
    }
    return args;
  }

  private readInclude(file: SourceFile, args: Token[], state: FileState, depth: number): void {
    const pathToken = args[0];
    const written = decodeEscapes(pathToken.text) ?? pathToken.text;
    // BIND resolves a relative path against named's working directory; an editor has none, so zonelint uses the
    // including file's folder, which is what authors mean and what Knot does.
    const target = path.resolve(path.dirname(file.path), written);
    const directive: { file: SourceFile; pathSpan: Span; target: string; loaded: boolean; includedFile: SourceFile | undefined } = {
      file,
      pathSpan: { start: pathToken.start, end: pathToken.end },
      target,
      loaded: false,
      includedFile: undefined,
    };
    this.includes.push(directive);
    const fail = (message: string): void => this.report('zone-include', 'error', message, file, pathToken);
    let origin = state.origin;
    if (args.length === 2) {
      const parsed = this.readName(file, args[1].text, args[1], state.origin);
      if (parsed === undefined) return;
      origin = parsed;
    }
    if (this.includeStack.includes(target)) {
      fail(`$INCLUDE cycle: ${written} is already being read (${[...this.includeStack, target].map((p) => path.basename(p)).join(' -> ')})`);
      return;
    }
    if (depth + 1 > MAX_INCLUDE_DEPTH) {
      fail(`$INCLUDE nested more than ${MAX_INCLUDE_DEPTH} deep`);
      return;
    }
    if (!this.options.host.mayRead(target)) {
      fail(`$INCLUDE of ${written} not read: it is outside the workspace (or the workspace is not trusted)`);
      return;
    }
    if (this.includedFiles === MAX_INCLUDED_FILES) {
      // Reported once: every later $INCLUDE of the zone is skipped for the same reason.
      this.includedFiles++;
      fail(`$INCLUDE not read: this zone already reads ${MAX_INCLUDED_FILES} included files (is one file included over and over?); later $INCLUDEs are skipped`);
      return;
    }
    if (this.includedFiles > MAX_INCLUDED_FILES) return;
    this.includedFiles++;
    const text = this.options.host.readFile(target);
    if (text === undefined) {
      fail(`$INCLUDE file not found or unreadable: ${target}`);
      return;
    }
    directive.loaded = true;
    directive.includedFile = new SourceFile(target, text);
    const included: FileState = { origin, lastOwner: state.lastOwner, originJustChanged: false };
    this.readFile(directive.includedFile, depth + 1, included);
  }

  private readGenerate(file: SourceFile, entry: ScannedEntry, tokens: readonly Token[], state: FileState): void {
    const header = parseGenerateHeader(tokens, this.options.generateLimit);
    for (const problem of header.problems) this.report(problem.ruleId, problem.severity, problem.message, file, problem.span);
    if (header.spec === undefined) return;
    const spec = header.spec;
    const recordHeader = this.readRecordHeader(file, entry, spec.headerIndex);
    if (recordHeader === undefined) return;
    const rhsIndex = recordHeader.next;
    const rhs = tokens[rhsIndex];
    const lastToken = tokens[tokens.length - 1];
    if (rhs === undefined) {
      this.report('zone-syntax', 'error', 'unexpected end of input: $GENERATE needs the record data (quote it when it has spaces)', file, { start: lastToken.end, end: lastToken.end });
      return;
    }
    if (tokens.length > rhsIndex + 1) {
      this.report('zone-syntax', 'error', 'extra input text: $GENERATE takes the record data as one token; quote it when it has spaces', file, { start: tokens[rhsIndex + 1].start, end: lastToken.end });
      return;
    }
    let outOfZone = 0;
    const templateProblems = expandGenerate(spec, rhs, (ownerText, rdataTokens) => {
      const owner = parseName(ownerText, state.origin);
      if (owner.error !== undefined) {
        this.report('zone-bad-name', 'error', `$GENERATE made a bad owner '${ownerText}': ${owner.error.message}`, file, spec.lhsSpan);
        return false;
      }
      if (this.options.origin !== undefined && !isSubdomainOf(owner.name, this.zoneOrigin)) {
        outOfZone++;
        return true;
      }
      const before = this.findings.length;
      this.addRecord({
        file,
        entryStart: tokens[0].start,
        entryEnd: lastToken.end,
        owner: owner.name,
        ownerEnd: -1,
        header: recordHeader,
        rdataTokens,
        origin: state.origin,
        generated: spec.lhsSpan,
      });
      // One bad expansion is enough to explain the problem; stop instead of repeating it for every iteration.
      return this.findings.length === before;
    });
    for (const problem of templateProblems) this.report(problem.ruleId, problem.severity, problem.message, file, problem.span);
    if (outOfZone > 0) {
      this.report('zone-out-of-zone', 'warning', `$GENERATE made ${outOfZone} owner name(s) outside the zone ${this.zoneOrigin}; they are ignored`, file, spec.lhsSpan);
    }
  }
}

/**
 * The owners read last, with the origin each was read against and the name it gave. A zone often writes one owner
 * on consecutive lines (a host's A, AAAA, MX and TXT), or comes back to it after a line or two (after its mail
 * host's address); reading it once keeps one string for all those records and saves parsing the name again.
 */
class RecentOwners {
  private readonly texts: string[] = [];
  private readonly origins: string[] = [];
  private readonly names: string[] = [];
  /** Whether each name was found inside the zone. */
  private readonly inside: boolean[] = [];
  private next = 0;

  /** The name of the entry's owner token when it is one of the recent ones, compared in place. */
  find(entry: ScannedEntry, origin: string): string | undefined {
    for (let i = 0; i < this.texts.length; i++) {
      if (this.origins[i] === origin && entry.tokenTextIs(0, this.texts[i])) return this.names[i];
    }
    return undefined;
  }

  /** `inside`: the name is known to lie inside the zone; false when that is still to be checked. */
  add(text: string, origin: string, name: string, inside: boolean): void {
    this.texts[this.next] = text;
    this.origins[this.next] = origin;
    this.names[this.next] = name;
    this.inside[this.next] = inside;
    this.next = (this.next + 1) % RECENT_OWNERS;
  }

  /** Whether `name`, the same string as one of the recent names, was found inside the zone. */
  knownInside(name: string): boolean {
    for (let i = 0; i < this.names.length; i++) if (this.names[i] === name && this.inside[i]) return true;
    return false;
  }

  markInside(name: string): void {
    for (let i = 0; i < this.names.length; i++) if (this.names[i] === name) this.inside[i] = true;
  }
}

const RECENT_OWNERS = 4;

/** Whether a name as written is absolute: it ends with a dot that no backslash escapes (`a\.` is relative). */
function endsWithUnescapedDot(text: string): boolean {
  if (text.charCodeAt(text.length - 1) !== 46) return false;
  let backslashes = 0;
  for (let i = text.length - 2; i >= 0 && text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 0;
}

interface RecordHeader {
  readonly ttl: number | undefined;
  /** Where the written TTL stands; both -1 when the record has none. */
  readonly ttlStart: number;
  readonly ttlEnd: number;
  readonly type: number;
  readonly typeStart: number;
  readonly typeEnd: number;
  /** Index of the first rdata token. */
  readonly next: number;
}

/**
 * The message itself when short enough. Otherwise each long run without spaces (a quoted token) keeps only its
 * start and end, so the explanation around it survives; a message still too long keeps its start and end.
 */
function shortened(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  const elide = (text: string, keep: number): string => `${text.slice(0, keep)}…(${text.length - 2 * keep} characters left out)…${text.slice(-keep)}`;
  // Split and join rather than a regular expression: a /\S{100,}/ match over a run of megabytes overflows the stack.
  const words = message
    .split(' ')
    .map((word) => (word.length >= 100 ? elide(word, 30) : word))
    .join(' ');
  return words.length <= MAX_MESSAGE_LENGTH ? words : elide(words, (MAX_MESSAGE_LENGTH >> 1) - 20);
}

function tokenSpan(entry: ScannedEntry, index: number): Span {
  return { start: entry.starts[index], end: entry.ends[index] };
}

/**
 * The class a header token names, or undefined. The reader asks about every TTL and type token too, and nearly
 * every class written is `IN`, so the text is compared in place and copied only for the `CLASSnnn` form.
 */
function classAt(entry: ScannedEntry, index: number): number | undefined {
  const text = entry.text;
  const start = entry.starts[index];
  const end = entry.ends[index];
  for (const name of CLASS_WORDS) {
    if (equalsIgnoringCase(text, start, end, name)) return CLASSES[name];
  }
  if (end - start > 5 && equalsIgnoringCase(text, start, start + 5, 'CLASS')) return classFromText(text.slice(start, end));
  return undefined;
}

const CLASS_WORDS = Object.keys(CLASSES);

/** Whether `text.slice(start, end)` is the upper-case ASCII `word` in any case. */
function equalsIgnoringCase(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(start + i);
    const upper = c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
    if (upper !== word.charCodeAt(i)) return false;
  }
  return true;
}
