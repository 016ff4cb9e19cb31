// DNS lookups for names outside the workspace, over node:dns with the configured server, a per-query timeout,
// and a cache that keeps answers for their TTL (at least a minute, so a burst of keystrokes asks once).

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
const MIN_CACHE_MS = 60_000;

export interface DnsResolverOptions {
  /** `IP[:PORT]`; the system's servers when undefined. */
  readonly server: string | undefined;
  readonly timeoutMs: number;
  /** Clock for the cache, injectable so tests can age entries. */
  readonly now?: () => number;
}

/** A resolver that asks DNS; it never throws: failures become `error` answers. */
export class DnsResolver implements Resolver {
  private readonly resolver: dns.Resolver;
  private readonly cache = new Map<string, { answer: LookupAnswer; expires: number }>();
  private readonly now: () => number;
  /** Queries sent (cache misses), for budgets and tests. */
  queriesSent = 0;

  constructor(options: DnsResolverOptions) {
    this.resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
    if (options.server !== undefined) {
      const address = parseServerAddress(options.server);
      if (address !== undefined) this.resolver.setServers([address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`]);
    }
    this.now = options.now ?? Date.now;
  }

  async lookup(name: string, type: number): Promise<LookupAnswer> {
    const key = `${name.toLowerCase()}/${type}`;
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.expires > this.now()) return cached.answer;
    this.queriesSent++;
    const { answer, ttl } = await this.query(name.endsWith('.') ? name.slice(0, -1) || '.' : name, type);
    if (answer.kind !== 'error') this.cache.set(key, { answer, expires: this.now() + Math.max(MIN_CACHE_MS, ttl * 1000) });
    return answer;
  }

  private async query(name: string, type: number): Promise<{ answer: LookupAnswer; ttl: number }> {
    try {
      switch (type) {
        case TYPE_A:
        case TYPE_AAAA: {
          const found = type === TYPE_A ? await this.resolver.resolve4(name, { ttl: true }) : await this.resolver.resolve6(name, { ttl: true });
          return records(found.map((r) => ({ type, address: r.address })), Math.min(...found.map((r) => r.ttl)));
        }
        case TYPE_TXT: {
          const found = await this.resolver.resolveTxt(name);
          return records(found.map((strings) => ({ type, txt: strings })), 0);
        }
        case TYPE_MX: {
          const found = await this.resolver.resolveMx(name);
          return records(found.map((mx) => ({ type, target: absolute(mx.exchange), preference: mx.priority })), 0);
        }
        case TYPE_NS:
        case TYPE_CNAME:
        case TYPE_PTR: {
          const found = type === TYPE_NS ? await this.resolver.resolveNs(name) : type === TYPE_CNAME ? await this.resolver.resolveCname(name) : await this.resolver.resolvePtr(name);
          return records(found.map((target) => ({ type, target: absolute(target) })), 0);
        }
        default:
          return { answer: { kind: 'error', source: 'dns', reason: `zonelint does not look up type ${type} over DNS` }, ttl: 0 };
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOTFOUND') return { answer: { kind: 'nxdomain', source: 'dns' }, ttl: 0 };
      if (code === 'ENODATA') return { answer: { kind: 'nodata', source: 'dns' }, ttl: 0 };
      const reason = code === 'ETIMEOUT' ? 'timed out' : code === 'ESERVFAIL' ? 'SERVFAIL' : code === 'EREFUSED' ? 'refused' : (code ?? String(error));
      return { answer: { kind: 'error', source: 'dns', reason }, ttl: 0 };
    }
  }
}

function records(found: LookupRecord[], ttl: number): { answer: LookupAnswer; ttl: number } {
  if (found.length === 0) return { answer: { kind: 'nodata', source: 'dns' }, ttl };
  return { answer: { kind: 'records', source: 'dns', records: found }, ttl: Number.isFinite(ttl) ? ttl : 0 };
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : name + '.';
}
