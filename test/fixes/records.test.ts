// Table tests for the zone, DKIM, DMARC and mail quick fixes: each case lints the zone, applies one fix, compares
// the text, and lints again (the finding gone, no new error).

import assert from 'node:assert/strict';
import { ED25519, RSA_1024 } from '../unit/email/table';
import type { FixCase } from './harness';
import { checkFix, fixesOf } from './harness';

const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
const NET_PATH = '/work/zones/example.net.zone';
const NET_HEAD = '$ORIGIN example.net.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';
const LONG = 'a'.repeat(300);

const cases: ReadonlyArray<FixCase & { readonly name: string }> = [
  {
    name: 'zone-txt-string-too-long splits into strings inside new parentheses',
    ruleId: 'zone-txt-string-too-long',
    before: `${HEAD}www TXT "${LONG}"\n`,
    after: `${HEAD}www TXT ( "${LONG.slice(0, 255)}"\n          "${LONG.slice(255)}" )\n`,
  },
  {
    name: 'zone-txt-string-too-long inside parentheses adds none',
    ruleId: 'zone-txt-string-too-long',
    before: `${HEAD}www TXT ( "${LONG}" )\n`,
    after: `${HEAD}www TXT ( "${LONG.slice(0, 255)}"\n          "${LONG.slice(255)}" )\n`,
  },
  {
    name: 'zone-txt-string-too-long never splits an escape',
    ruleId: 'zone-txt-string-too-long',
    before: `${HEAD}www TXT "${'a'.repeat(253)}\\065\\066\\067"\n`,
    after: `${HEAD}www TXT ( "${'a'.repeat(253)}\\065\\066"\n          "\\067" )\n`,
  },
  {
    name: 'zone-txt-string-too-long counts characters beyond ASCII as their UTF-8 octets',
    ruleId: 'zone-txt-string-too-long',
    before: `${HEAD}www TXT "${'é'.repeat(200)}"\n`,
    after: `${HEAD}www TXT ( "${'é'.repeat(127)}"\n          "${'é'.repeat(73)}" )\n`,
  },
  {
    name: 'zone-unquoted-semicolon quotes the whole value',
    ruleId: 'zone-unquoted-semicolon',
    before: `${HEAD}k1._domainkey TXT v=DKIM1; k=rsa; p=${RSA_1024}\n`,
    after: `${HEAD}k1._domainkey TXT "v=DKIM1; k=rsa; p=${RSA_1024}"\n`,
  },
  {
    name: 'dkim-testing removes t=y',
    ruleId: 'dkim-testing',
    before: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; t=y; p=${ED25519}"\n`,
    after: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\n`,
  },
  {
    name: 'dkim-testing removes a last t=y with the ; before it',
    ruleId: 'dkim-testing',
    before: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}; t=y"\n`,
    after: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\n`,
  },
  {
    name: 'dkim-testing keeps the other flags',
    ruleId: 'dkim-testing',
    before: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; t=y:s; p=${ED25519}"\n`,
    after: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; t=s; p=${ED25519}"\n`,
  },
  {
    name: 'dkim-sha1 moves h= to sha256',
    ruleId: 'dkim-sha1',
    before: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; h=sha1; p=${ED25519}"\n`,
    after: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; h=sha256; p=${ED25519}"\n`,
  },
  {
    name: 'dkim-sha1 can drop h= instead',
    ruleId: 'dkim-sha1',
    title: /^Remove h=/,
    before: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; h=sha1; p=${ED25519}"\n`,
    after: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\n`,
  },
  {
    name: 'dmarc-policy-none moves to quarantine, keeping the other tags',
    ruleId: 'dmarc-policy-none',
    before: `${HEAD}_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com"\n`,
    after: `${HEAD}_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:d@example.com"\n`,
  },
  {
    name: 'dmarc-policy-none can go straight to reject',
    ruleId: 'dmarc-policy-none',
    title: /p=reject/,
    before: `${HEAD}_dmarc TXT "v=DMARC1; P = None; rua=mailto:d@example.com"\n`,
    after: `${HEAD}_dmarc TXT "v=DMARC1; P = reject; rua=mailto:d@example.com"\n`,
  },
  {
    name: 'dmarc-external-report-auth adds the authorization to the destination zone in the workspace',
    ruleId: 'dmarc-external-report-auth',
    before: `${HEAD}_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.net"\n`,
    after: `${HEAD}_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.net"\n`,
    lint: { files: { [NET_PATH]: NET_HEAD } },
    afterFiles: { [NET_PATH]: NET_HEAD.replace('@ NS ns1\n', '@ NS ns1\nexample.com._report._dmarc TXT "v=DMARC1"\n') },
  },
  {
    name: 'mail-dmarc-missing adds the monitoring stage next to the mail records',
    ruleId: 'mail-dmarc-missing',
    before: `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\nwww A 192.0.2.80\n`,
    after: `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\nwww A 192.0.2.80\n`,
  },
  {
    name: 'mail-dmarc-missing offers the reject stage too',
    ruleId: 'mail-dmarc-missing',
    title: /p=reject/,
    before: `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\n`,
    after: `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com"\n`,
  },
  {
    name: 'mail-spf-missing builds the record from the in-zone MX',
    ruleId: 'mail-spf-missing',
    before: `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n`,
    after: `${HEAD}@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n`,
  },
  {
    name: 'mail-spf-missing includes Microsoft 365 for its MX',
    ruleId: 'mail-spf-missing',
    before: `${HEAD}@ MX 0 example-com.mail.protection.outlook.com.\n`,
    after: `${HEAD}@ MX 0 example-com.mail.protection.outlook.com.\n@ TXT "v=spf1 include:spf.protection.outlook.com -all"\n`,
  },
  {
    name: 'mail-no-mail-incomplete adds SPF and DMARC to a null MX',
    ruleId: 'mail-no-mail-incomplete',
    before: `${HEAD}@ MX 0 .\nwww A 192.0.2.80\n`,
    after: `${HEAD}@ MX 0 .\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\nwww A 192.0.2.80\n`,
  },
  {
    name: 'mail-no-mail-incomplete raises the DMARC policy and adds the null MX',
    ruleId: 'mail-no-mail-incomplete',
    before: `${HEAD}@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com"\n`,
    after: `${HEAD}@ TXT "v=spf1 -all"\n@ MX 0 .\n_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"\n`,
  },
  {
    name: 'mail-no-mail-incomplete turns an SPF record that allows senders into -all',
    ruleId: 'mail-no-mail-incomplete',
    before: `${HEAD}@ MX 0 .\n@ TXT "v=spf1 mx ~all"\n_dmarc TXT "v=DMARC1; p=reject"\n`,
    after: `${HEAD}@ MX 0 .\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\n`,
  },
];

describe('zone, DKIM, DMARC and mail quick fixes', () => {
  for (const testCase of cases) it(testCase.name, () => checkFix(testCase));

  it('dmarc-external-report-auth copies the record when the destination zone is elsewhere', async () => {
    const fixes = await fixesOf({ before: `${HEAD}_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.org"\n`, ruleId: 'dmarc-external-report-auth' });
    const copy = fixes.find((fix) => fix.command?.kind === 'copy-to-clipboard');
    assert.deepEqual(copy?.command?.kind === 'copy-to-clipboard' ? copy.command.text : undefined, 'example.com._report._dmarc.example.org. IN TXT "v=DMARC1"');
    assert.equal(copy?.isPreferred, undefined, 'a copy cannot remove the finding, so it is not the preferred fix');
  });

  it('mail-dkim-missing asks for the targets through a command', async () => {
    const before = `${HEAD}@ MX 0 example-com.mail.protection.outlook.com.\n@ TXT "v=spf1 include:spf.protection.outlook.com -all"\n_dmarc TXT "v=DMARC1; p=reject"\n`;
    const [fix] = await fixesOf({ before, ruleId: 'mail-dkim-missing' });
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edits, []);
    assert.equal(fix.command?.kind === 'add-microsoft365-dkim' ? fix.command.domain : undefined, 'example.com.');
  });

  it('mail-dmarc-missing marks the report address as a placeholder', async () => {
    const [fix] = await fixesOf({ before: `${HEAD}@ MX 10 mail\nmail A 192.0.2.25\n@ TXT "v=spf1 mx -all"\n`, ruleId: 'mail-dmarc-missing' });
    assert.ok(fix.placeholder !== undefined);
    const { edit, start, end } = fix.placeholder;
    assert.equal(fix.edits[edit].newText.slice(start, end), 'dmarc-reports');
  });
});
