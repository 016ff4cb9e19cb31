// Helpers for the email rule tables: a zone head to build on, caret annotations written from the text they mark,
// a runner that turns a table into mocha cases, and a lint with a scripted DNS behind the workspace.

import assert from 'node:assert/strict';
import { parseSettings, ZonelintWorkspace } from '../../../server/src/core/index';
import type { Diagnostic } from '../../../server/src/core/lint';
import type { LookupAnswer, Resolver } from '../../../server/src/core/workspace/view';
import type { LintOptions } from '../../harness';
import { annotationsOf, assertAnnotated } from '../../harness';

/** The SOA and NS every case starts from (origin example.com.). */
export const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

/** A 1024-bit RSA key (RFC 6376 Appendix C.3). */
export const RSA_1024 =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';

/** A 2048-bit RSA key (mox's DKIM tests), longer than one character-string: split it over two. */
export const RSA_2048 =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy3Z9ffZe8gUTJrdGuKj6IwEembmKYpp0jMa8uhudErcI4gFVUaFiiRWxc4jP/XR9NAEv3XwHm+CVcHu+L/n6VWt6g59U7vHXQicMfKGmEp2VplsgojNy/Y5X9HdVYM0azsI47NcJCDW9UVfeOHdOSgFME4F8dNtUKC4KTB2d1pqj/yixz+V8Sv8xkEyPfSRHcNXIw0LvelqJ1MRfN3hO/3uQSVrPYYk4SyV0b6wfnkQs28fpiIpGQvzlGI5WkrdOQT5k4YHaEvZDLNdwiMeVZOEL7dDoFs2mQsovm+tH0StUAZTnr61NLVFfD5V6Ip1V9zVtspPHvYSuOWwyArFZ9QIDAQAB';

/** A 512-bit RSA key (the ARC test suite's `512` selector). */
export const RSA_512 = 'MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAIWmlgix/84GJ+dfgjm7LTc9EPdfkftlgiPpCq4/kbDAZmU0VvYKDljjleJ1dfvS+CGy9U/kk1tG3EeEvb82xAcCAwEAAQ==';

/** An Ed25519 key as RFC 8463 Appendix A.2 prints it (32 raw octets). */
export const ED25519 = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

/** A DKIM TXT rdata holding the 2048-bit key, split as zone files must (one string holds at most 255 octets). */
export const DKIM_2048_RDATA = `( "v=DKIM1; k=rsa; p=${RSA_2048.slice(0, 200)}"\n    "${RSA_2048.slice(200)}" )`;

/**
 * A zone line and a caret annotation under each marked text. A mark is `[text, 'severity: rule-id']`, or with a
 * third element the occurrence of the text to mark (1 for the first).
 */
export function annotate(line: string, ...marks: ReadonlyArray<readonly [string, string, number?]>): string {
  let out = `${line}\n`;
  for (const [text, label, occurrence = 1] of marks) {
    let column = -1;
    for (let n = 0; n < occurrence; n++) column = line.indexOf(text, column + 1);
    assert.ok(column >= 1, `annotate: "${text}" is not in "${line}" past column 0`);
    out += `;${' '.repeat(column - 1)}${'^'.repeat(text.length)} ${label}\n`;
  }
  return out;
}

export interface RuleTable {
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
  readonly options?: LintOptions;
}

/** One mocha case per snippet: valid ones must give no finding of the rule, invalid ones exactly their annotations. */
export function describeRuleTable(ruleId: string, table: RuleTable): void {
  describe(ruleId, () => {
    table.valid.forEach((zone, index) => {
      it(`valid #${index + 1}`, async () => {
        assert.equal(annotationsOf(zone).length, 0, 'a valid case carries no annotations');
        await assertAnnotated(zone, { ...table.options, only: [ruleId] });
      });
    });
    table.invalid.forEach((zone, index) => {
      it(`invalid #${index + 1}`, async () => {
        assert.ok(annotationsOf(zone).length > 0, 'an invalid case carries annotations');
        await assertAnnotated(zone, { ...table.options, only: [ruleId] });
      });
    });
  });
}

/** Answers given by a scripted DNS, by lower-case absolute name and type. */
export type ScriptedDns = Readonly<Record<string, LookupAnswer>>;

/** Lints `/work/zones/example.com.zone` in a workspace whose DNS is the script (names it lacks are NXDOMAIN). */
export async function lintWithDns(text: string, script: ScriptedDns): Promise<Diagnostic[]> {
  const dns: Resolver = {
    lookup: async (name, type) => script[`${name.toLowerCase()} ${type}`] ?? { kind: 'nxdomain', source: 'dns' },
  };
  const path = '/work/zones/example.com.zone';
  const workspace = new ZonelintWorkspace({
    settings: parseSettings({ dns: 'live' }).settings,
    dns,
    host: { readFile: (file) => (file === path ? text : undefined), mayRead: () => true },
  });
  workspace.setFile(path, text, 'example.com.');
  const { diagnostics, internalErrors } = await workspace.lint(path);
  assert.deepEqual(internalErrors, [], 'a rule threw');
  return diagnostics;
}
