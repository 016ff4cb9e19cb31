// DNS lookups for names outside the workspace zones: node:dns with the configured server and a per-query timeout,
// one query per question in flight, and a cache that keeps each answer for its TTL within fixed bounds.
//
// TTLs: node:dns reports them only for addresses (`resolve4`/`resolve6` with `{ ttl: true }`), not for TXT, MX,
// NS, CNAME or PTR answers, nor for NXDOMAIN and NODATA (whose TTL is the SOA minimum). Asking type ANY for the TTL
// is no way out: servers answer ANY with a token record (RFC 8482). So addresses are kept for their own TTL, and
// every answer without one for CACHE_FLOOR_MS, which is shorter than almost every real TTL: a record changed in
// DNS shows up within a minute, and a burst of keystrokes still asks once. Failures (SERVFAIL, timeouts) are kept
// briefly (RFC 2308 §7 allows up to five minutes), so typing does not wait for the same dead server on every lint.

import { promises as dns } from 'node:dns';
import { parseServerAddress } from '../config';
import type { LookupAnswer, LookupRecord, Resolver } from './view';

const TYPE_A = 1;
const TYPE_NS = 2;
const TYPE_CNAME = 5;
const TYPE_PTR = 12;
const TYPE_MX = 15;
const TYPE_TXT = 16;
const TYPE_AAAA = 28;

/** The shortest time an answer is kept, and the time for answers whose TTL node:dns does not report. */
const CACHE_FLOOR_MS = 60_000;
/** The longest time an answer is kept, so a long-running language server asks again at least daily. */
const CACHE_CEILING_MS = 86_400_000;
/** How long a failed lookup is remembered before the name is asked again. */
const FAILURE_CACHE_MS = 30_000;
/** Answers kept at most; past it the oldest entry goes, so a long session cannot grow the cache without end. */
const MAX_CACHE_ENTRIES = 10_000;

export interface DnsResolverOptions {
  /** `IP[:PORT]` (validated by parseSettings); the system's servers when undefined. */
  readonly server: string | undefined;
  /** How long one query may take before its answer is a timeout failure. */
  readonly timeoutMs: number;
  /** Clock for the cache in milliseconds, injectable so tests can age entries. */
  readonly now?: () => number;
}

interface CacheEntry {
  readonly answer: LookupAnswer;
  readonly expires: number;
}

/** A resolver that asks DNS; it never throws: failures become `error` answers. */
export class DnsResolver implements Resolver {
  private readonly resolver: dns.Resolver;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<LookupAnswer>>();
  private sent = 0;

  constructor(options: DnsResolverOptions) {
    this.resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
    if (options.server !== undefined) {
      const address = parseServerAddress(options.server);
      // Falling back to the system's servers would send queries somewhere the user did not choose.
      if (address === undefined) throw new Error(`not a DNS server address: ${options.server}`);
      this.resolver.setServers([address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`]);
    }
    this.timeoutMs = options.timeoutMs;
    this.now = options.now ?? Date.now;
  }

  /** Queries sent so far: questions the cache could not answer and that were not already on their way. */
  get queriesSent(): number {
    return this.sent;
  }

  lookup(name: string, type: number): Promise<LookupAnswer> {
    const key = `${name.toLowerCase()}/${type}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      if (cached.expires > this.now()) return Promise.resolve(cached.answer);
      this.cache.delete(key);
    }
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;
    const question = this.ask(name.endsWith('.') ? name.slice(0, -1) || '.' : name, type).then(({ answer, keepMs }) => {
      this.inFlight.delete(key);
      if (keepMs > 0) this.remember(key, { answer, expires: this.now() + keepMs });
      return answer;
    });
    this.inFlight.set(key, question);
    return question;
  }

  private remember(key: string, entry: CacheEntry): void {
    if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
  }

  /**
   * One query, given at most `timeoutMs`. node:dns checks its own timeouts on a coarse timer (a query given
   * 1000 ms may fail only after 2000), so the limit is enforced here; a late answer is dropped.
   */
  private async ask(name: string, type: number): Promise<{ answer: LookupAnswer; keepMs: number }> {
    const query = this.query(name, type);
    if (query === undefined) {
      return { answer: { kind: 'error', source: 'dns', reason: `zonelint does not look up type ${type} over DNS` }, keepMs: 0 };
    }
    this.sent++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ answer: LookupAnswer; keepMs: number }>((resolve) => {
      timer = setTimeout(() => resolve(failure(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([query.then(answered, (error: unknown) => failed(error, this.timeoutMs)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The query for a type, with its records and their TTL in seconds (undefined when node:dns gives none). */
  private query(name: string, type: number): Promise<{ records: LookupRecord[]; ttl: number | undefined }> | undefined {
    const resolver = this.resolver;
    switch (type) {
      case TYPE_A:
      case TYPE_AAAA:
        return (type === TYPE_A ? resolver.resolve4(name, { ttl: true }) : resolver.resolve6(name, { ttl: true })).then((found) => ({
          records: found.map((record) => ({ type, address: record.address })),
          ttl: found.length === 0 ? undefined : Math.min(...found.map((record) => record.ttl)),
        }));
      case TYPE_TXT:
        return resolver.resolveTxt(name).then((found) => ({ records: found.map((strings) => ({ type, txt: strings })), ttl: undefined }));
      case TYPE_MX:
        return resolver.resolveMx(name).then((found) => ({
          records: found.map((mx) => ({ type, target: absolute(mx.exchange), preference: mx.priority })),
          ttl: undefined,
        }));
      case TYPE_NS:
        return resolver.resolveNs(name).then((found) => targets(type, found));
      case TYPE_CNAME:
        return resolver.resolveCname(name).then((found) => targets(type, found));
      case TYPE_PTR:
        return resolver.resolvePtr(name).then((found) => targets(type, found));
      default:
        return undefined;
    }
  }
}

function targets(type: number, found: string[]): { records: LookupRecord[]; ttl: undefined } {
  return { records: found.map((target) => ({ type, target: absolute(target) })), ttl: undefined };
}

function answered(found: { records: LookupRecord[]; ttl: number | undefined }): { answer: LookupAnswer; keepMs: number } {
  const answer: LookupAnswer = found.records.length === 0 ? { kind: 'nodata', source: 'dns' } : { kind: 'records', source: 'dns', records: found.records };
  const keepMs = found.ttl === undefined ? CACHE_FLOOR_MS : Math.min(CACHE_CEILING_MS, Math.max(CACHE_FLOOR_MS, found.ttl * 1000));
  return { answer, keepMs };
}

/** Folds a node:dns error into an answer: NXDOMAIN and NODATA are answers, the rest failures. */
function failed(error: unknown, timeoutMs: number): { answer: LookupAnswer; keepMs: number } {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOTFOUND':
      return { answer: { kind: 'nxdomain', source: 'dns' }, keepMs: CACHE_FLOOR_MS };
    case 'ENODATA':
      return { answer: { kind: 'nodata', source: 'dns' }, keepMs: CACHE_FLOOR_MS };
    case 'ETIMEOUT':
      return failure(`timed out after ${timeoutMs} ms`);
    case 'ESERVFAIL':
      return failure('SERVFAIL');
    case 'EREFUSED':
      return failure('REFUSED');
    case 'ECONNREFUSED':
      return failure('the DNS server could not be reached');
    default:
      return failure(typeof code === 'string' ? code : String(error));
  }
}

function failure(reason: string): { answer: LookupAnswer; keepMs: number } {
  return { answer: { kind: 'error', source: 'dns', reason }, keepMs: FAILURE_CACHE_MS };
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : name + '.';
}
