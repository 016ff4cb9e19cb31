// Test workspaces for the SPF code: zone text parsed by the real zone reader, and a scripted DNS behind the
// workspace zones, so rules and the lookup accounting see answers from both.

import { strict as assert } from 'node:assert';
import { parseSettings, ZonelintWorkspace } from '../../../../server/src/core/index';
import type { Diagnostic } from '../../../../server/src/core/lint';
import type { LookupAnswer, LookupRecord, Resolver } from '../../../../server/src/core/workspace/view';
import type { Zone } from '../../../../server/src/core/zone/model';
import { toLookupName } from '../../../../server/src/core/email/spf/names';

/** The SOA and NS every test zone starts with (origin example.com.). */
export const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

export const ZONE_PATH = '/work/zones/example.com.zone';

/** DNS outside the workspace: per name, TXT strings, A/AAAA addresses, MX exchanges; `error` makes it fail. */
export type FakeDns = Readonly<Record<string, { readonly txt?: readonly string[]; readonly a?: readonly string[]; readonly mx?: readonly string[]; readonly error?: true }>>;

const TYPE_A = 1;
const TYPE_MX = 15;
const TYPE_TXT = 16;

/** A resolver answering from a FakeDns table; names it lacks do not exist. */
export function fakeDnsResolver(table: FakeDns): Resolver {
  const byName = new Map(Object.entries(table).map(([name, entry]) => [toLookupName(name).toLowerCase(), entry]));
  return {
    lookup: async (name: string, type: number): Promise<LookupAnswer> => {
      const entry = byName.get(name.toLowerCase());
      if (entry === undefined) return { kind: 'nxdomain', source: 'dns' };
      if (entry.error) return { kind: 'error', source: 'dns', reason: 'SERVFAIL' };
      const records: LookupRecord[] =
        type === TYPE_TXT
          ? (entry.txt ?? []).map((text) => ({ type, txt: [text] }))
          : type === TYPE_A
            ? (entry.a ?? []).map((address) => ({ type, address }))
            : type === TYPE_MX
              ? (entry.mx ?? []).map((exchange, index) => ({ type, preference: index, target: toLookupName(exchange) }))
              : [];
      return records.length > 0 ? { kind: 'records', source: 'dns', records } : { kind: 'nodata', source: 'dns' };
    },
  };
}

export interface TestWorkspace {
  readonly workspace: ZonelintWorkspace;
  readonly zone: Zone;
}

/**
 * A workspace holding `text` as example.com (and `files`, other zones by path), with `dns` behind it; without
 * `dns`, lookups outside the workspace are unresolved, as with DNS off.
 */
export function testWorkspace(text: string, options: { dns?: FakeDns; files?: Readonly<Record<string, string>> } = {}): TestWorkspace {
  const files: Record<string, string> = { ...(options.files ?? {}), [ZONE_PATH]: text };
  const workspace = new ZonelintWorkspace({
    settings: parseSettings({ dns: 'off' }).settings,
    dns: options.dns === undefined ? 'off' : fakeDnsResolver(options.dns),
    host: { readFile: (file) => files[file], mayRead: (file) => file.startsWith('/work/') },
  });
  for (const [path, content] of Object.entries(options.files ?? {})) workspace.setFile(path, content);
  workspace.setFile(ZONE_PATH, text, 'example.com.');
  return { workspace, zone: workspace.zone(ZONE_PATH)! };
}

/** Lints the example.com zone of a test workspace and returns its diagnostics. */
export async function lintZoneText(text: string, options: { dns?: FakeDns; files?: Readonly<Record<string, string>> } = {}): Promise<Diagnostic[]> {
  const { workspace } = testWorkspace(text, options);
  const { diagnostics, internalErrors } = await workspace.lint(ZONE_PATH);
  assert.deepEqual(internalErrors, [], 'a rule threw');
  return diagnostics.filter((diagnostic) => diagnostic.file.path === ZONE_PATH);
}
