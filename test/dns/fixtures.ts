// The zones of the live-DNS tests: what the test's named serves (vendor.example, a decoy example.net, and the
// failing broken.example), the workspace zones (example.com under test, example.net beside it), and a workspace
// wired to DNS the way the editor and the CLI wire it.

import assert from 'node:assert/strict';
import { parseSettings, ZonelintWorkspace } from '../../server/src/core/index';
import type { Diagnostic } from '../../server/src/core/lint';
import type { Resolver } from '../../server/src/core/workspace/view';
import type { NamedOptions } from './namedServer';

const SOA = '@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 127.0.0.1\n';

/**
 * Served by named. The include chain `_spf` → `_spf2` comes back into the workspace (`_back.example.net`);
 * `mail` is the one address (TTL 300, no AAAA); `gone*` do not exist and `txtonly` has no address nor MX.
 */
const VENDOR_ZONE =
  '$TTL 3600\n' +
  SOA +
  '@ MX 10 mail\n' +
  'mail 300 A 198.51.100.25\n' +
  'txtonly TXT "not an SPF record"\n' +
  '_spf TXT "v=spf1 include:_spf2.vendor.example ip4:198.51.100.0/24 ~all"\n' +
  '_spf2 TXT "v=spf1 a:mail.vendor.example mx:vendor.example include:_back.example.net -all"\n' +
  'more TXT "v=spf1 a:mail.vendor.example -all"\n' +
  'voids2 TXT "v=spf1 a:gone1.vendor.example mx:txtonly.vendor.example -all"\n' +
  'voids3 TXT "v=spf1 a:gone1.vendor.example mx:txtonly.vendor.example exists:gone2.vendor.example -all"\n' +
  'servfail TXT "v=spf1 include:spf.broken.example -all"\n' +
  // Thirty hosts, each term in a string of its own: one character-string holds at most 255 octets.
  `wide TXT "v=spf1" ${Array.from({ length: 30 }, (_, index) => `" a:h${index + 1}.vendor.example"`).join(' ')} " -all"\n`;

/** A decoy: named's example.net says something else than the workspace's, so a count shows who answered. */
const DECOY_EXAMPLE_NET = '$TTL 3600\n' + SOA + '_spf TXT "v=spf1 -all"\n_back TXT "v=spf1 -all"\n';

export const NAMED_ZONES: NamedOptions = {
  zones: { 'vendor.example': VENDOR_ZONE, 'example.net': DECOY_EXAMPLE_NET },
  failingZones: ['broken.example'],
};

const WORKSPACE_HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

export const ZONE_PATH = '/work/zones/example.com.zone';
const NET_PATH = '/work/zones/example.net.zone';

/** The other workspace zone: the first link of the chain into vendor.example, and the record it comes back to. */
const WORKSPACE_EXAMPLE_NET =
  '$ORIGIN example.net.\n' + WORKSPACE_HEAD + '_spf TXT "v=spf1 include:_spf.vendor.example -all"\n_back TXT "v=spf1 exists:%{i}.bl.example.net ptr -all"\n';

/**
 * The text of example.com with the given records after its SOA, NS and DMARC record (without one, the DMARC rules
 * would look for the organizational domain's record in DNS and blur the query counts).
 */
export function exampleCom(...records: string[]): string {
  return WORKSPACE_HEAD + '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"\n' + records.map((record) => record + '\n').join('');
}

export interface LiveWorkspaceOptions {
  /** Raw settings, as `.zonelint.json` holds them. */
  readonly settings: Record<string, unknown>;
  /** Stands in for the DNS resolver the settings would build (a DnsResolver with a test clock), or 'off'. */
  readonly dns?: Resolver | 'off';
}

/** A workspace with example.net and `text` as example.com, its DNS set up from the settings. */
export function liveWorkspace(text: string, options: LiveWorkspaceOptions): ZonelintWorkspace {
  const { settings, problems } = parseSettings(options.settings);
  assert.deepEqual(problems, []);
  // No test may send a packet anywhere but 127.0.0.1: live DNS needs a loopback server or a stand-in resolver.
  if (settings.dns === 'live' && options.dns === undefined) assert.match(settings.dnsServer ?? '', /^127\.0\.0\.1:\d+$/);
  const workspace = new ZonelintWorkspace({ settings, host: { readFile: () => undefined, mayRead: () => false }, ...(options.dns === undefined ? {} : { dns: options.dns }) });
  workspace.setFile(NET_PATH, WORKSPACE_EXAMPLE_NET);
  workspace.setFile(ZONE_PATH, text, 'example.com.');
  return workspace;
}

/** A finding of an SPF lookup rule, reduced to what the tests compare: rule, severity and the text it marks. */
export interface SeenFinding {
  readonly rule: string;
  readonly severity: string;
  readonly at: string;
  readonly message: string;
}

const LOOKUP_RULES = new Set(['spf-lookup-limit', 'spf-void-lookup-limit', 'spf-unresolved', 'spf-include-target']);

/** Lints example.com and returns the findings of the rules that depend on lookups. */
export async function lookupFindings(workspace: ZonelintWorkspace): Promise<SeenFinding[]> {
  const { diagnostics, internalErrors } = await workspace.lint(ZONE_PATH);
  assert.deepEqual(internalErrors, [], 'a rule threw');
  return diagnostics.filter((diagnostic) => LOOKUP_RULES.has(diagnostic.ruleId)).map(seen);
}

function seen(diagnostic: Diagnostic): SeenFinding {
  return {
    rule: diagnostic.ruleId,
    severity: diagnostic.severity,
    at: diagnostic.file.text.slice(diagnostic.span.start, diagnostic.span.end),
    message: diagnostic.message,
  };
}
