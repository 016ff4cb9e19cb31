// Settings shared by the CLI (`.zonelint.json`, `--config`) and the editor (`zonelint.*`): one type with its
// defaults, validated where it enters and then passed explicitly.

import type { Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface Settings {
  /** Severity overrides by rule id; `off` disables a rule. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Glob (matched against the file path) to origin, for zone files whose origin is not written in them. */
  readonly origins: Readonly<Record<string, string>>;
  /** `live` resolves names outside the workspace over DNS; `off` never sends a query. */
  readonly dns: 'off' | 'live';
  /** `IP` or `IP:PORT` of the DNS server to ask; the system resolver when undefined. */
  readonly dnsServer: string | undefined;
  /** The most records one `$GENERATE` may produce; more is reported as zone-generate and not expanded. */
  readonly generateLimit: number;
  /** Per-query DNS timeout in milliseconds. */
  readonly dnsTimeoutMs: number;
  /**
   * The most lookups the checks of one record may pass to DNS, answered from the cache or not (so findings do not
   * depend on the cache); names past it are reported unresolved.
   */
  readonly dnsQueryBudget: number;
  /** Whether quick fixes and generators that change a zone's data also bump that zone's SOA serial. */
  readonly bumpSerialOnFix: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  origins: {},
  dns: 'live',
  dnsServer: undefined,
  generateLimit: 65536,
  dnsTimeoutMs: 2000,
  dnsQueryBudget: 50,
  bumpSerialOnFix: false,
};

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface SettingsProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * Validates raw settings (parsed JSON or editor configuration), fills defaults and collects problems instead of
 * throwing, so one bad key never discards the rest.
 */
export function parseSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { settings: base, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: base, problems: [{ key: '', message: 'settings must be a JSON object' }] };
  }
  const input = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = { ...base.rules };
  if (input.rules !== undefined) {
    if (isRecord(input.rules)) {
      for (const [id, value] of Object.entries(input.rules)) {
        if (typeof value === 'string' && (RULE_SETTINGS as readonly string[]).includes(value)) rules[id] = value as RuleSetting;
        else problems.push({ key: `rules.${id}`, message: `must be one of ${RULE_SETTINGS.join(', ')}` });
      }
    } else problems.push({ key: 'rules', message: 'must be an object of rule id to severity' });
  }
  const origins: Record<string, string> = { ...base.origins };
  if (input.origins !== undefined) {
    if (isRecord(input.origins)) {
      for (const [glob, origin] of Object.entries(input.origins)) {
        if (typeof origin === 'string' && origin.length > 0) origins[glob] = origin;
        else problems.push({ key: `origins.${glob}`, message: 'must be a domain name' });
      }
    } else problems.push({ key: 'origins', message: 'must be an object of glob to origin' });
  }
  let dns = base.dns;
  if (input.dns !== undefined) {
    if (input.dns === 'off' || input.dns === 'live') dns = input.dns;
    else problems.push({ key: 'dns', message: 'must be "off" or "live"' });
  }
  let dnsServer = base.dnsServer;
  if (input.dnsServer !== undefined && input.dnsServer !== null && input.dnsServer !== '') {
    if (typeof input.dnsServer === 'string' && parseServerAddress(input.dnsServer) !== undefined) dnsServer = input.dnsServer;
    else problems.push({ key: 'dnsServer', message: 'must be IP or IP:PORT' });
  }
  const generateLimit = positiveInteger(input, 'generateLimit', base.generateLimit, problems);
  const dnsTimeoutMs = positiveInteger(input, 'dnsTimeoutMs', base.dnsTimeoutMs, problems);
  const dnsQueryBudget = positiveInteger(input, 'dnsQueryBudget', base.dnsQueryBudget, problems);
  let bumpSerialOnFix = base.bumpSerialOnFix;
  if (input.bumpSerialOnFix !== undefined) {
    if (typeof input.bumpSerialOnFix === 'boolean') bumpSerialOnFix = input.bumpSerialOnFix;
    else problems.push({ key: 'bumpSerialOnFix', message: 'must be true or false' });
  }
  return { settings: { rules, origins, dns, dnsServer, generateLimit, dnsTimeoutMs, dnsQueryBudget, bumpSerialOnFix }, problems };
}

/** Splits `IP`, `IP:PORT`, `[IPv6]:PORT` into host and port (53 by default); undefined when malformed. */
export function parseServerAddress(text: string): { host: string; port: number } | undefined {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return withPort(bracketed[1], bracketed[2]);
  if (/^[0-9a-fA-F:]+$/.test(text) && text.includes('::')) return { host: text, port: 53 };
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text);
  if (v4) return withPort(v4[1], v4[2]);
  return undefined;
}

function withPort(host: string, port: string | undefined): { host: string; port: number } | undefined {
  const value = port === undefined ? 53 : Number(port);
  return value >= 1 && value <= 65535 ? { host, port: value } : undefined;
}

function positiveInteger(input: Record<string, unknown>, key: string, fallback: number, problems: SettingsProblem[]): number {
  const value = input[key];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  problems.push({ key, message: 'must be a positive whole number' });
  return fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
