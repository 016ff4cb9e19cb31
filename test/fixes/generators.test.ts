// Generator tests: each generator runs on a zone written in some style, its text is compared with the expected one
// (owners, blank owners, TTL, class, alignment and placement copied from the neighbours), and the result lints
// with no new error. Refusals and the input readers (DKIM keys, Get-DkimSigningConfig output) have their own tables.

import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { nextSerial, serialScheme } from '../../server/src/core/edit/serial';
import { mailDomainAt, runGenerator } from '../../server/src/core/generators';
import { addDkimKeyRecord, dkimKeyFromInput } from '../../server/src/core/generators/dkimKey';
import { addDmarcRecord } from '../../server/src/core/generators/dmarc';
import { addMicrosoft365Dkim, microsoft365DkimTargets } from '../../server/src/core/generators/microsoft365Dkim';
import { makeNoMail } from '../../server/src/core/generators/noMail';
import { addSpfRecord } from '../../server/src/core/generators/spf';
import type { Zone } from '../../server/src/core/zone/model';
import { lintText } from '../harness';
import { ED25519 } from '../unit/email/table';
import { applyFix, checkGenerated, MAIN_PATH, zoneOf } from './harness';

const DOMAIN = 'example.com.';
const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

const ALIGNED =
  '$ORIGIN example.com.\n$TTL 3600\n' +
  '@                       IN SOA   ns1 hostmaster 1 7200 3600 1209600 300\n' +
  '                        IN NS    ns1\n' +
  'ns1                     IN A     192.0.2.53\n' +
  '@                       IN MX    10 mail\n' +
  'mail                    IN A     192.0.2.25\n' +
  '@                       IN TXT   "v=spf1 mx -all"\n';

const TABS = '$ORIGIN example.com.\n$TTL 3600\n@\tIN\tSOA\tns1 hostmaster 1 7200 3600 1209600 300\n\tIN\tNS\tns1\nns1\tIN\tA\t192.0.2.53\n@\tIN\tMX\t10 mail\nmail\tIN\tA\t192.0.2.25\n';

const ABSOLUTE =
  '$TTL 3600\n' +
  'example.com. IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300\n' +
  'example.com. IN NS ns1.example.com.\n' +
  'ns1.example.com. IN A 192.0.2.53\n' +
  'example.com. 300 IN MX 10 mail.example.com.\n' +
  'mail.example.com. IN A 192.0.2.25\n';

const BLANK_OWNERS = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n  NS ns1\n  MX 10 mail\nns1 A 192.0.2.53\nmail A 192.0.2.25\n';

const MICROSOFT = `${HEAD}@ MX 0 example-com.mail.protection.outlook.com.\n@ TXT "v=spf1 include:spf.protection.outlook.com -all"\n_dmarc TXT "v=DMARC1; p=reject"\n`;
const MICROSOFT_CNAMES =
  'selector1._domainkey CNAME selector1-example-com._domainkey.contoso.onmicrosoft.com.\n' +
  'selector2._domainkey CNAME selector2-example-com._domainkey.contoso.onmicrosoft.com.\n';

const dmarc = (policy: 'none' | 'quarantine' | 'reject') => (zone: Zone) => addDmarcRecord({ zone, domain: DOMAIN, policy });
const spf = (zone: Zone) => addSpfRecord({ zone, domain: DOMAIN });

describe('generators: records in the style of the file', () => {
  const cases = [
    {
      name: 'DMARC in an aligned file takes its columns and class',
      before: ALIGNED + 'www                     IN A     192.0.2.80\n',
      generate: dmarc('none'),
      after: ALIGNED + '_dmarc                  IN TXT   "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\nwww                     IN A     192.0.2.80\n',
    },
    {
      name: 'SPF in a tab-separated file goes after the same owner, with tabs',
      before: TABS,
      generate: spf,
      after: TABS.replace('@\tIN\tMX\t10 mail\n', '@\tIN\tMX\t10 mail\n@\tIN\tTXT\t"v=spf1 mx -all"\n'),
    },
    {
      name: 'SPF in a file of absolute owners and explicit TTLs',
      before: ABSOLUTE,
      generate: spf,
      after: ABSOLUTE.replace('mail.example.com.\n', 'mail.example.com.\nexample.com. 300 IN TXT "v=spf1 mx -all"\n'),
    },
    {
      name: 'SPF continues a block of blank owners',
      before: BLANK_OWNERS,
      generate: spf,
      after: BLANK_OWNERS.replace('  MX 10 mail\n', '  MX 10 mail\n  TXT "v=spf1 mx -all"\n'),
    },
    {
      name: 'DMARC never lands between a record and the blank-owner lines after it',
      before: `${HEAD}@ MX 10 mail\n  TXT "v=spf1 mx -all"\n  A 192.0.2.80\nmail A 192.0.2.25\n`,
      generate: dmarc('quarantine'),
      after: `${HEAD}@ MX 10 mail\n  TXT "v=spf1 mx -all"\n  A 192.0.2.80\n_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@example.com"\nmail A 192.0.2.25\n`,
    },
    {
      name: 'a DKIM key goes in DNS name order when the domain has no mail records',
      before: `${HEAD}www A 192.0.2.80\n`,
      generate: (zone: Zone) => addDkimKeyRecord({ zone, domain: DOMAIN, selector: 'sel', input: ED25519 }),
      after: `$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nsel._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\nns1 A 192.0.2.53\nwww A 192.0.2.80\n`,
    },
    {
      name: 'Microsoft 365 DKIM from Get-DkimSigningConfig output',
      before: MICROSOFT,
      generate: (zone: Zone) =>
        addMicrosoft365Dkim({
          zone,
          domain: DOMAIN,
          input: 'Domain         : example.com\r\nSelector1CNAME : selector1-example-com._domainkey.contoso.onmicrosoft.com\r\nSelector2CNAME : selector2-example-com._domainkey.contoso.onmicrosoft.com\r\n',
        }),
      after: MICROSOFT + MICROSOFT_CNAMES,
    },
    {
      name: 'Microsoft 365 DKIM from the tenant name',
      before: MICROSOFT,
      generate: (zone: Zone) => addMicrosoft365Dkim({ zone, domain: DOMAIN, input: 'contoso.onmicrosoft.com' }),
      after: MICROSOFT + MICROSOFT_CNAMES,
    },
    {
      name: 'no-mail replaces the MX records, the SPF record and adds DMARC reject',
      before: `${HEAD}@ MX 10 mail\n@ MX 20 mail2\nmail A 192.0.2.25\nmail2 A 192.0.2.26\n@ TXT "v=spf1 mx -all"\n`,
      generate: (zone: Zone) => makeNoMail({ zone, domain: DOMAIN }),
      after: `${HEAD}@ MX 0 .\nmail A 192.0.2.25\nmail2 A 192.0.2.26\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\n`,
    },
    {
      name: 'no-mail on a domain without mail records adds the whole set',
      before: `${HEAD}www A 192.0.2.80\n`,
      generate: (zone: Zone) => makeNoMail({ zone, domain: DOMAIN }),
      after: `${HEAD.replace('@ NS ns1\n', '@ NS ns1\n@ MX 0 .\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\n')}www A 192.0.2.80\n`,
    },
    {
      name: 'bump the SOA serial through the dispatcher',
      before: HEAD.replace(' 1 3600', ' 2024061001 3600'),
      generate: (zone: Zone) => runGenerator({ zone, domain: DOMAIN, request: { kind: 'bump-serial' }, now: new Date(Date.UTC(2025, 2, 14)) }),
      after: HEAD.replace(' 1 3600', ' 2025031400 3600'),
    },
  ];
  for (const testCase of cases) it(testCase.name, () => checkGenerated(testCase));

  it('a long DKIM key is split into strings that fit, one per line', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const value = `v=DKIM1; k=rsa; p=${p}`;
    await checkGenerated({
      before: `${HEAD}www A 192.0.2.80\n`,
      generate: (zone) => addDkimKeyRecord({ zone, domain: DOMAIN, selector: '2025a', input: pem }),
      after: `$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n2025a._domainkey TXT ( "${value.slice(0, 255)}"\n${' '.repeat('2025a._domainkey TXT '.length + 2)}"${value.slice(255)}" )\nns1 A 192.0.2.53\nwww A 192.0.2.80\n`,
    });
  });

  it('the Microsoft 365 records remove mail-dkim-missing', async () => {
    const result = addMicrosoft365Dkim({ zone: zoneOf(MICROSOFT), domain: DOMAIN, input: 'contoso' });
    assert.equal(result.kind, 'fix');
    if (result.kind !== 'fix') return;
    const after = applyFix(result.fix, { [MAIN_PATH]: MICROSOFT })[MAIN_PATH];
    assert.deepEqual((await lintText(after)).filter((d) => d.ruleId.startsWith('mail-') || d.ruleId.startsWith('dkim-')).map((d) => d.ruleId), []);
  });
});

describe('generators: refusals', () => {
  const cases = [
    { name: 'a second DMARC record', before: `${HEAD}_dmarc TXT "v=DMARC1; p=none"\n`, generate: dmarc('reject'), reason: /already has a record/ },
    { name: 'a second SPF record', before: `${HEAD}@ TXT "v=spf1 -all"\n`, generate: spf, reason: /already has an SPF record/ },
    { name: 'a selector that is taken', before: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\n`, generate: (zone: Zone) => addDkimKeyRecord({ zone, domain: DOMAIN, selector: 'k1', input: ED25519 }), reason: /pick a new selector/ },
    { name: 'a bad selector', before: HEAD, generate: (zone: Zone) => addDkimKeyRecord({ zone, domain: DOMAIN, selector: 'two words', input: ED25519 }), reason: /is not a selector/ },
    { name: 'Microsoft 365 selectors already there', before: MICROSOFT + MICROSOFT_CNAMES, generate: (zone: Zone) => addMicrosoft365Dkim({ zone, domain: DOMAIN, input: 'contoso' }), reason: /already has both/ },
    { name: 'a domain already no-mail', before: `${HEAD}@ MX 0 .\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\n`, generate: (zone: Zone) => makeNoMail({ zone, domain: DOMAIN }), reason: /already has the whole no-mail set/ },
    { name: 'a serial without an SOA', before: '$TTL 3600\n@ NS ns1\n', generate: (zone: Zone) => runGenerator({ zone, domain: DOMAIN, request: { kind: 'bump-serial' }, now: new Date() }), reason: /no single SOA/ },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = testCase.generate(zoneOf(testCase.before));
      assert.equal(result.kind, 'refused');
      if (result.kind === 'refused') assert.match(result.reason, testCase.reason);
    });
  }
});

describe('generators: reading what the user pastes', () => {
  it('reads DKIM public keys in every form', () => {
    const { publicKey: ed } = generateKeyPairSync('ed25519');
    const edPem = ed.export({ type: 'spki', format: 'pem' }).toString();
    const edRaw = ed.export({ type: 'spki', format: 'der' }).subarray(12).toString('base64');
    const { publicKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaDer = rsa.export({ type: 'spki', format: 'der' }).toString('base64');
    const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString();
    const table: Array<[string, unknown]> = [
      [edPem, { keyType: 'ed25519', p: edRaw }],
      // An input box flattens a pasted PEM block into one line.
      [edPem.replace(/\n/g, ' '), { keyType: 'ed25519', p: edRaw }],
      [`v=DKIM1; k=ed25519; p=${edRaw}`, { keyType: 'ed25519', p: edRaw }],
      [edRaw, { keyType: 'ed25519', p: edRaw }],
      [pkcs1, { keyType: 'rsa', p: rsaDer }],
      [`"v=DKIM1; k=rsa; p=${rsaDer.slice(0, 100)}" "${rsaDer.slice(100)}"`, { keyType: 'rsa', p: rsaDer }],
      [`p=${rsaDer}`, { keyType: 'rsa', p: rsaDer }],
    ];
    for (const [input, expected] of table) assert.deepEqual(dkimKeyFromInput(input), expected, input.slice(0, 40));
  });

  it('refuses private keys and what is not a key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const table: Array<[string, RegExp]> = [
      [privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /private key/],
      ['not a key!', /not base64/],
      ['', /no key found/],
      ['v=DKIM1; k=ed25519; p=AAAA', /32 octets/],
    ];
    for (const [input, reason] of table) {
      const result = dkimKeyFromInput(input);
      assert.ok('error' in result, input);
      if ('error' in result) assert.match(result.error, reason);
    }
  });

  it('picks this domain in Get-DkimSigningConfig output for several domains', () => {
    const input = [
      'Domain         : other.example',
      'Selector1CNAME : selector1-other-example._domainkey.contoso.onmicrosoft.com',
      'Selector2CNAME : selector2-other-example._domainkey.contoso.onmicrosoft.com',
      '',
      'Domain         : example.com',
      'Selector1CNAME : selector1-example-com._domainkey.contoso.r-v1.dkim.mail.microsoft',
      'Selector2CNAME : selector2-example-com._domainkey.contoso.r-v1.dkim.mail.microsoft',
    ].join('\n');
    assert.deepEqual(microsoft365DkimTargets({ domain: DOMAIN, input }), {
      targets: { selector1: 'selector1-example-com._domainkey.contoso.r-v1.dkim.mail.microsoft.', selector2: 'selector2-example-com._domainkey.contoso.r-v1.dkim.mail.microsoft.' },
    });
  });

  it('reads Get-DkimSigningConfig output flattened into one line', () => {
    const input = 'Domain : example.com Selector1CNAME : selector1-example-com._domainkey.contoso.onmicrosoft.com Selector2CNAME : selector2-example-com._domainkey.contoso.onmicrosoft.com';
    assert.deepEqual(microsoft365DkimTargets({ domain: DOMAIN, input }), {
      targets: { selector1: 'selector1-example-com._domainkey.contoso.onmicrosoft.com.', selector2: 'selector2-example-com._domainkey.contoso.onmicrosoft.com.' },
    });
  });

  it('refuses crossed selectors and unreadable input', () => {
    const crossed = 'Selector1CNAME : selector2-example-com._domainkey.contoso.onmicrosoft.com\nSelector2CNAME : selector1-example-com._domainkey.contoso.onmicrosoft.com';
    const table: Array<[string, RegExp]> = [
      [crossed, /selectors are crossed/],
      ['Selector1CNAME : selector1-example-com._domainkey.contoso.onmicrosoft.com', /no Selector2CNAME/],
      ['two words', /paste the output of Get-DkimSigningConfig/],
    ];
    for (const [input, reason] of table) {
      const result = microsoft365DkimTargets({ domain: DOMAIN, input });
      assert.ok('error' in result, input);
      if ('error' in result) assert.match(result.error, reason);
    }
  });
});

describe('generators: SOA serials', () => {
  const now = new Date(Date.UTC(2025, 2, 14, 12));
  const table: Array<[number, string, number]> = [
    [2024061001, 'date', 2025031400],
    [2025031405, 'date', 2025031406],
    [2025031499, 'date', 2025031500],
    [41, 'counter', 42],
    [4294967295, 'counter', 0],
    [1700000000, 'unix-time', Math.floor(now.getTime() / 1000)],
    [2024023001, 'counter', 2024023002],
  ];
  for (const [serial, scheme, next] of table) {
    it(`${serial} is a ${scheme} serial and moves to ${next}`, () => {
      assert.equal(serialScheme(serial, now), scheme);
      assert.equal(nextSerial(serial, now), next);
    });
  }
});

describe('generators: the mail domain at a place', () => {
  const text = `${HEAD}_dmarc.shop TXT "v=DMARC1; p=none"\nsel._domainkey.mail TXT "v=DKIM1; p="\nx._report._dmarc.example.com. TXT "v=DMARC1"\nwww A 192.0.2.80\n`;
  const zone = zoneOf(text);
  const table: Array<[string, string | undefined]> = [
    ['_dmarc.shop', 'shop.example.com.'],
    ['sel._domainkey', 'mail.example.com.'],
    ['x._report', 'example.com.'],
    ['www', 'www.example.com.'],
    ['$TTL', 'example.com.'],
  ];
  for (const [needle, domain] of table) {
    it(`${needle} → ${domain}`, () => assert.equal(mailDomainAt({ zone, file: zone.file, offset: text.indexOf(needle) }), domain));
  }
});
