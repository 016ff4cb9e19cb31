// RFC 7208 check_host(): evaluates a sender against SPF records found through a Resolver, with the processing
// limits of §4.6.4 (10 DNS-querying terms, 2 void lookups, 10 MX names, 10 PTR names), macro expansion (§7)
// and the `exp=` explanation (§6.2), keeping a trace of every step for the `zonelint spf` command.

import type { LookupRecord, Resolver } from '../../workspace/view';
import type { IpAddress } from './ip';
import { dottedIp, formatIp, inNetwork, parseClientIp, parseIPv6, reverseName } from './ip';
import { fromLookupName, isAtOrBelow, isCheckableDomain, isQueryableName, truncateLeft, withoutRootDot } from './names';
import type { DomainSpec, ExpModifier, MacroLetter, MacroPart, MacroString, Mechanism, MxMechanism, ParsedSpf, Qualifier, RedirectModifier } from './parse';
import { isMechanism, isSpfRecordText, parseExplanation, parseSpf } from './parse';
import { queryRecords, txtTexts, TYPE_A, TYPE_AAAA, TYPE_MX, TYPE_PTR, TYPE_TXT } from './query';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** One step of an evaluation, for people reading how a result came about. */
export interface TraceEntry {
  /** 0 for the checked domain, one more for each include or redirect. */
  readonly depth: number;
  /** The domain whose record was being evaluated. */
  readonly domain: string;
  readonly message: string;
}

export interface SpfEvaluation {
  readonly result: SpfResult;
  /**
   * For `fail`: the explanation from `exp=` or a default one. For `permerror` and `temperror`: what went wrong.
   * Empty for the other results.
   */
  readonly explanation: string;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect). */
  readonly lookups: number;
  /** Lookups of those terms that found no records. */
  readonly voidLookups: number;
  readonly trace: readonly TraceEntry[];
}

export interface SpfCheckOptions {
  /** The connecting client's address. */
  readonly ip: string;
  /** The MAIL FROM address; empty for a bounce, when the HELO identity is checked instead (RFC 7208 §2.4). */
  readonly mailFrom: string;
  readonly helo: string;
  readonly resolver: Resolver;
  /** The receiving host's name, for `%{r}` in explanations; "unknown" when not given. */
  readonly receivingHost?: string;
  /** Seconds since the epoch, for `%{t}`; the current time when not given. */
  readonly now?: number;
}

export const MAX_DNS_TERMS = 10;
export const MAX_VOID_LOOKUPS = 2;
export const MAX_MX_NAMES = 10;
export const MAX_PTR_NAMES = 10;

/** The explanation given for `fail` when the record has no usable `exp=`. */
export function defaultExplanation(domain: string, clientIp: string): string {
  return `${domain} does not designate ${clientIp} as a permitted sender`;
}

/**
 * Checks the MAIL FROM identity (or the HELO identity for an empty MAIL FROM) of a message from `ip`, as a
 * receiver does, and never throws for bad input: an unusable address is a `permerror` with the reason given.
 */
export async function checkSpf(options: SpfCheckOptions): Promise<SpfEvaluation> {
  const ip = parseClientIp(options.ip);
  if (ip === undefined) return { result: 'permerror', explanation: `"${options.ip}" is not an IP address`, lookups: 0, voidLookups: 0, trace: [] };
  const at = options.mailFrom.lastIndexOf('@');
  const domain = options.mailFrom === '' ? options.helo : at < 0 ? options.mailFrom : options.mailFrom.slice(at + 1);
  const localPart = options.mailFrom === '' || at <= 0 ? 'postmaster' : options.mailFrom.slice(0, at);
  const evaluation = new Evaluation({
    ip,
    resolver: options.resolver,
    localPart,
    senderDomain: withoutRootDot(domain),
    helo: options.helo,
    receivingHost: options.receivingHost ?? 'unknown',
    now: options.now ?? Math.floor(Date.now() / 1000),
  });
  return evaluation.run(withoutRootDot(domain));
}

interface EvaluationInput {
  readonly ip: IpAddress;
  readonly resolver: Resolver;
  readonly localPart: string;
  readonly senderDomain: string;
  readonly helo: string;
  readonly receivingHost: string;
  readonly now: number;
}

interface HostResult {
  readonly result: SpfResult;
  readonly explanation: string;
}

/** Ends the whole evaluation at once: limits, syntax errors and DNS failures decide the final result (§4.6). */
class Abort extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly reason: string,
  ) {
    super(reason);
  }
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

const QUALIFIER_RESULTS: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

class Evaluation {
  private lookups = 0;
  private voidLookups = 0;
  private readonly trace: TraceEntry[] = [];
  private readonly family: 'ipv4' | 'ipv6';

  constructor(private readonly input: EvaluationInput) {
    this.family = input.ip.length === 4 ? 'ipv4' : 'ipv6';
  }

  async run(domain: string): Promise<SpfEvaluation> {
    let outcome: HostResult;
    try {
      outcome = await this.checkHost(domain, 0, true);
    } catch (error) {
      if (!(error instanceof Abort)) throw error;
      this.note(0, domain, `${error.result}: ${error.reason}`);
      outcome = { result: error.result, explanation: error.reason };
    }
    return { result: outcome.result, explanation: outcome.explanation, lookups: this.lookups, voidLookups: this.voidLookups, trace: this.trace };
  }

  private async checkHost(domain: string, depth: number, wantExplanation: boolean): Promise<HostResult> {
    this.note(depth, domain, `check_host(${formatIp(this.input.ip)}, ${domain})`);
    if (!isCheckableDomain(domain)) {
      this.note(depth, domain, 'none: not a valid multi-label domain name (RFC 7208 §4.3)');
      return { result: 'none', explanation: '' };
    }
    const answer = await this.query(domain, TYPE_TXT);
    if (answer.kind === 'error') throw new Abort('temperror', `looking up the TXT records of ${domain} failed: ${answer.reason}`);
    const texts = answer.kind === 'records' ? txtTexts(answer.records) : [];
    const spf = texts.filter(isSpfRecordText);
    if (spf.length === 0) {
      this.note(depth, domain, 'none: no SPF record');
      return { result: 'none', explanation: '' };
    }
    if (spf.length > 1) throw new Abort('permerror', `${domain} has ${spf.length} SPF records (RFC 7208 §4.5)`);
    this.note(depth, domain, `record: ${spf[0]}`);
    const parsed = parseSpf(spf[0]);
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0];
      throw new Abort('permerror', `syntax error in the SPF record of ${domain} at "${spf[0].slice(first.start, first.end)}": ${first.message}`);
    }
    for (const term of parsed.terms) {
      if (!isMechanism(term)) continue;
      if (!(await this.matches(term, domain, depth))) continue;
      const result = QUALIFIER_RESULTS[term.qualifier];
      this.note(depth, domain, `${term.text} matches: ${result}`);
      const explanation = result === 'fail' && wantExplanation ? await this.explain(parsed, domain, depth) : '';
      return { result, explanation };
    }
    const redirect = parsed.terms.find((term): term is RedirectModifier => term.kind === 'redirect');
    if (redirect !== undefined) {
      this.countLookup(depth, domain, redirect.text);
      const target = await this.expandDomain(redirect.domain, domain);
      if (target === undefined) throw new Abort('permerror', `${redirect.text} names no valid domain`);
      const inner = await this.checkHost(target, depth + 1, wantExplanation);
      if (inner.result === 'none') throw new Abort('permerror', `${redirect.text}: ${target} has no SPF record (RFC 7208 §6.1)`);
      return inner;
    }
    this.note(depth, domain, 'no mechanism matched: neutral');
    return { result: 'neutral', explanation: '' };
  }

  private async matches(term: Mechanism, domain: string, depth: number): Promise<boolean> {
    switch (term.kind) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6':
        return inNetwork(this.input.ip, term.network, term.prefix);
      case 'include': {
        this.countLookup(depth, domain, term.text);
        const target = await this.expandDomain(term.domain, domain);
        if (target === undefined) throw new Abort('permerror', `${term.text} names no valid domain`);
        const inner = await this.checkHost(target, depth + 1, false);
        if (inner.result === 'none') throw new Abort('permerror', `${term.text}: ${target} has no SPF record (RFC 7208 §5.2)`);
        return inner.result === 'pass';
      }
      case 'a': {
        this.countLookup(depth, domain, term.text);
        const target = await this.targetOf(term.domain, domain, depth);
        if (target === undefined) return false;
        const addresses = await this.addresses(target, { voidAt: { depth, domain } });
        const match = addresses.some((address) => this.inCidr(address, term.cidr));
        this.note(depth, domain, `${term.text}: ${target} has ${addresses.length} address(es)${match ? ', one matches' : ''}`);
        return match;
      }
      case 'mx':
        return this.matchMx(term, domain, depth);
      case 'ptr': {
        this.countLookup(depth, domain, term.text);
        const target = await this.targetOf(term.domain, domain, depth);
        if (target === undefined) return false;
        const validated = await this.validatedNames({ voidAt: { depth, domain }, candidate: (name) => isAtOrBelow(name, target) });
        this.note(depth, domain, `${term.text}: validated names ${validated.length > 0 ? validated.join(', ') : '(none)'}`);
        return validated.length > 0;
      }
      case 'exists': {
        this.countLookup(depth, domain, term.text);
        const target = await this.targetOf(term.domain, domain, depth);
        if (target === undefined) return false;
        // exists always asks for A records, whatever the client's address family (RFC 7208 §5.7).
        const answer = await this.query(target, TYPE_A);
        if (answer.kind === 'error') throw new Abort('temperror', `${term.text}: looking up ${target} failed: ${answer.reason}`);
        if (answer.kind === 'empty') this.countVoid(depth, domain, target);
        this.note(depth, domain, `${term.text}: ${target} ${answer.kind === 'records' ? 'exists' : 'does not exist'}`);
        return answer.kind === 'records';
      }
      default: {
        const unreachable: never = term;
        return unreachable;
      }
    }
  }

  private async matchMx(term: MxMechanism, domain: string, depth: number): Promise<boolean> {
    this.countLookup(depth, domain, term.text);
    const target = await this.targetOf(term.domain, domain, depth);
    if (target === undefined) return false;
    const answer = await this.query(target, TYPE_MX);
    if (answer.kind === 'error') throw new Abort('temperror', `${term.text}: looking up the MX records of ${target} failed: ${answer.reason}`);
    if (answer.kind === 'empty') {
      this.countVoid(depth, domain, target);
      this.note(depth, domain, `${term.text}: ${target} has no MX records`);
      return false;
    }
    if (answer.records.length > MAX_MX_NAMES) {
      throw new Abort('permerror', `${term.text}: ${target} has ${answer.records.length} MX records, more than ${MAX_MX_NAMES} (RFC 7208 §4.6.4)`);
    }
    const exchanges = [...answer.records]
      .sort((x, y) => (x.preference ?? 0) - (y.preference ?? 0))
      .map((record) => fromLookupName(record.target ?? '.'))
      .filter((exchange) => exchange !== '');
    for (const exchange of exchanges) {
      const addresses = await this.addresses(exchange, {});
      if (addresses.some((address) => this.inCidr(address, term.cidr))) {
        this.note(depth, domain, `${term.text}: MX host ${exchange} matches`);
        return true;
      }
    }
    this.note(depth, domain, `${term.text}: none of ${exchanges.length} MX host(s) matches`);
    return false;
  }

  /** The target of a/mx/ptr/exists: the expanded domain-spec or the current domain; undefined when unusable. */
  private async targetOf(spec: DomainSpec | undefined, domain: string, depth: number): Promise<string | undefined> {
    if (spec === undefined) return domain;
    const target = await this.expandDomain(spec, domain);
    if (target === undefined) this.note(depth, domain, `"${spec.text}" expands to no valid domain name: no match`);
    return target;
  }

  /** The client-family addresses of a name; `voidAt` says where to count a void lookup when there are none. */
  private async addresses(name: string, options: { voidAt?: { depth: number; domain: string } }): Promise<IpAddress[]> {
    const type = this.family === 'ipv4' ? TYPE_A : TYPE_AAAA;
    const answer = await this.query(name, type);
    if (answer.kind === 'error') throw new Abort('temperror', `looking up the addresses of ${name} failed: ${answer.reason}`);
    if (answer.kind === 'empty') {
      if (options.voidAt !== undefined) this.countVoid(options.voidAt.depth, options.voidAt.domain, name);
      return [];
    }
    return answer.records.flatMap((record) => {
      const address = recordAddress(record);
      return address === undefined || address.length !== this.input.ip.length ? [] : [address];
    });
  }

  private inCidr(address: IpAddress, cidr: { ip4: number | undefined; ip6: number | undefined }): boolean {
    const prefix = this.family === 'ipv4' ? (cidr.ip4 ?? 32) : (cidr.ip6 ?? 128);
    return inNetwork(this.input.ip, address, prefix);
  }

  /**
   * The client's validated host names (RFC 7208 §5.5): the first 10 PTR names, kept when `candidate` accepts them
   * and one of their addresses is the client's. DNS errors skip a name rather than fail the check.
   */
  private async validatedNames(options: { voidAt?: { depth: number; domain: string }; candidate: (name: string) => boolean }): Promise<string[]> {
    const answer = await this.query(reverseName(this.input.ip), TYPE_PTR);
    if (answer.kind === 'error') return [];
    if (answer.kind === 'empty') {
      if (options.voidAt !== undefined) this.countVoid(options.voidAt.depth, options.voidAt.domain, reverseName(this.input.ip));
      return [];
    }
    const names = answer.records.slice(0, MAX_PTR_NAMES).map((record) => fromLookupName(record.target ?? '.'));
    const validated: string[] = [];
    for (const name of names) {
      if (name === '' || !options.candidate(name)) continue;
      const type = this.family === 'ipv4' ? TYPE_A : TYPE_AAAA;
      const addresses = await this.query(name, type);
      if (addresses.kind !== 'records') continue;
      const match = addresses.records.some((record) => {
        const address = recordAddress(record);
        return address !== undefined && address.length === this.input.ip.length && inNetwork(this.input.ip, address, address.length * 8);
      });
      if (match) validated.push(name);
    }
    return validated;
  }

  private async explain(parsed: ParsedSpf, domain: string, depth: number): Promise<string> {
    const fallback = defaultExplanation(domain, formatIp(this.input.ip));
    const exp = parsed.terms.find((term): term is ExpModifier => term.kind === 'exp');
    if (exp === undefined) return fallback;
    // Any problem with the explanation leaves the result alone and falls back to the default (RFC 7208 §6.2).
    const target = await this.expandDomain(exp.domain, domain);
    if (target === undefined) return fallback;
    const answer = await this.query(target, TYPE_TXT);
    if (answer.kind !== 'records' || answer.records.length !== 1) {
      this.note(depth, domain, `${exp.text}: no single TXT record at ${target}, default explanation used`);
      return fallback;
    }
    const text = txtTexts(answer.records)[0];
    const { value, errors } = parseExplanation(text);
    if (value === undefined || errors.length > 0) {
      this.note(depth, domain, `${exp.text}: the explanation text has a syntax error, default explanation used`);
      return fallback;
    }
    return this.expand(value, domain);
  }

  /** Expands a domain-spec into a name to look up, truncated to 253 octets; undefined when no query can be made. */
  private async expandDomain(spec: DomainSpec, domain: string): Promise<string | undefined> {
    const expanded = truncateLeft(await this.expand(spec, domain));
    return isQueryableName(expanded) ? expanded : undefined;
  }

  private async expand(value: MacroString, domain: string): Promise<string> {
    let out = '';
    for (const part of value.parts) out += await this.expandPart(part, domain);
    return out;
  }

  private async expandPart(part: MacroPart, domain: string): Promise<string> {
    switch (part.kind) {
      case 'literal':
        return part.text;
      case 'escape':
        return part.expansion;
      case 'macro': {
        const raw = await this.macroValue(part.letter, domain);
        const pieces = raw.split(delimiterPattern(part.delimiters));
        if (part.reverse) pieces.reverse();
        const kept = part.rightParts === undefined ? pieces : pieces.slice(Math.max(0, pieces.length - part.rightParts));
        const joined = kept.join('.');
        return part.urlEscape ? urlEscape(joined) : joined;
      }
      default: {
        const unreachable: never = part;
        return unreachable;
      }
    }
  }

  private async macroValue(letter: MacroLetter, domain: string): Promise<string> {
    const input = this.input;
    switch (letter) {
      case 's':
        return `${input.localPart}@${input.senderDomain}`;
      case 'l':
        return input.localPart;
      case 'o':
        return input.senderDomain;
      case 'd':
        return domain;
      case 'i':
        return dottedIp(input.ip);
      case 'p':
        return this.validatedDomain(domain);
      case 'v':
        return this.family === 'ipv4' ? 'in-addr' : 'ip6';
      case 'h':
        return input.helo;
      case 'c':
        return formatIp(input.ip);
      case 'r':
        return input.receivingHost;
      case 't':
        return String(input.now);
      default: {
        const unreachable: never = letter;
        return unreachable;
      }
    }
  }

  /** `%{p}`: a validated name, preferring the domain itself, then one below it, then any (RFC 7208 §7.3). */
  private async validatedDomain(domain: string): Promise<string> {
    const validated = await this.validatedNames({ candidate: () => true });
    const exact = validated.find((name) => isAtOrBelow(name, domain) && isAtOrBelow(domain, name));
    return exact ?? validated.find((name) => isAtOrBelow(name, domain)) ?? validated[0] ?? 'unknown';
  }

  private countLookup(depth: number, domain: string, term: string): void {
    this.lookups++;
    if (this.lookups > MAX_DNS_TERMS) {
      throw new Abort('permerror', `${term} is DNS-querying term number ${this.lookups}; the limit is ${MAX_DNS_TERMS} (RFC 7208 §4.6.4)`);
    }
    this.note(depth, domain, `${term}: DNS-querying term ${this.lookups} of ${MAX_DNS_TERMS}`);
  }

  private countVoid(depth: number, domain: string, name: string): void {
    this.voidLookups++;
    this.note(depth, domain, `void lookup ${this.voidLookups} of ${MAX_VOID_LOOKUPS}: ${name} has no records`);
    if (this.voidLookups > MAX_VOID_LOOKUPS) {
      throw new Abort('permerror', `more than ${MAX_VOID_LOOKUPS} lookups found no records (RFC 7208 §4.6.4)`);
    }
  }

  private query(domain: string, type: number): ReturnType<typeof queryRecords> {
    return queryRecords(this.input.resolver, domain, type);
  }

  private note(depth: number, domain: string, message: string): void {
    this.trace.push({ depth, domain, message });
  }
}

/** The address an A or AAAA record holds; an AAAA record stays IPv6 even when it is IPv4-mapped. */
function recordAddress(record: LookupRecord): IpAddress | undefined {
  if (record.address === undefined) return undefined;
  return record.type === TYPE_A ? parseClientIp(record.address) : parseIPv6(record.address);
}

function delimiterPattern(delimiters: string): RegExp {
  const set = delimiters.length === 0 ? '.' : delimiters;
  return new RegExp(`[${set.replace(/[\\\]^-]/g, '\\$&')}]`);
}

/** Percent-encodes every octet outside RFC 3986 `unreserved`, as uppercase macros require (RFC 7208 §7.3). */
function urlEscape(value: string): string {
  let out = '';
  for (const char of value) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    // Record text holds octets as latin1 chars; text typed by a user may hold wider characters, sent as UTF-8.
    const octets = char.charCodeAt(0) < 256 && char.length === 1 ? [char.charCodeAt(0)] : [...Buffer.from(char, 'utf8')];
    for (const octet of octets) out += '%' + octet.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
