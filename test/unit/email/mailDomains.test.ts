// Unit tests for the RFC 9989 tree walk and the no-mail SPF test of the mail-domain model, and the lists of
// domains the mail rules read.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MailDomain } from '../../../server/src/core/email/mailDomains';
import { isNoMailSpf, treeWalk, zoneMail } from '../../../server/src/core/email/mailDomains';
import { DEFAULT_SETTINGS, ZonelintWorkspace } from '../../../server/src/core/index';
import type { Zone } from '../../../server/src/core/zone/model';

describe('treeWalk (RFC 9989 §4.10)', () => {
  it('walks every label of a short name', () => {
    assert.deepEqual(treeWalk('mail.example.com.'), ['mail.example.com.', 'example.com.', 'com.']);
  });
  it('jumps from a name of 8 labels or more to its 7-label suffix (mailauth compliance case)', () => {
    assert.deepEqual(treeWalk('a.b.c.d.e.f.g.h.i.j.k.example.com.'), [
      'a.b.c.d.e.f.g.h.i.j.k.example.com.',
      'g.h.i.j.k.example.com.',
      'h.i.j.k.example.com.',
      'i.j.k.example.com.',
      'j.k.example.com.',
      'k.example.com.',
      'example.com.',
      'com.',
    ]);
  });
});

describe('isNoMailSpf', () => {
  const cases: ReadonlyArray<[string, boolean]> = [
    ['v=spf1 -all', true],
    ['V=SPF1   -ALL ', true],
    ['v=spf1 ~all', false],
    ['v=spf1 mx -all', false],
  ];
  for (const [text, expected] of cases) it(text, () => assert.equal(isNoMailSpf(text), expected));
});

describe('zoneMail domain lists', function () {
  this.timeout(60000);

  const line = fc.tuple(
    fc.constantFrom('@', 'a', 'B', 'c.d', '_spf', '*'),
    fc.constantFrom(
      'MX 10 mail',
      'MX 0 .',
      'TXT "v=spf1 -all"',
      'TXT "V=SPF1  -ALL "',
      'TXT "v=spf1 mx -all"',
      'TXT "v=spf1" " -all"',
      'CNAME target.example.net.',
      'A 192.0.2.1',
    ),
    fc.constantFrom('', '_dmarc.', 's1._domainkey.', '_DMARC.'),
  );

  it('lists the domains each mail rule may report, as their conditions say', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.constantFrom('"v=DMARC1; p=none"', '"v=spf1 -all"', '"hello"'), { maxLength: 3 }), (lines, dmarcTexts) => {
        const records = lines.map(([owner, rest, prefix]) => `${nameUnder(prefix, owner)} ${rest}`);
        records.push(...dmarcTexts.map((text, i) => `_dmarc${i === 0 ? '' : '.a'} TXT ${text}`));
        const mail = zoneMail(zoneOf(records));
        const own = (domain: MailDomain) => !domain.aliased;
        assert.deepEqual(mail.withoutOwnDmarc, mail.domains.filter((d) => own(d) && d.dmarc.length === 0 && (d.mx.length > 0 || d.spf.length > 0)));
        assert.deepEqual(
          mail.declaringNoMail,
          mail.domains.filter((d) => own(d) && (d.mx.some((r) => r.data.kind === 'mx' && r.data.exchange === '.') || d.spf.some((r) => r.data.kind === 'txt' && isNoMailSpf(r.data.strings.map((s) => s.value).join(''))))),
        );
        assert.deepEqual(mail.withoutSpf, mail.domains.filter((d) => own(d) && d.spf.length === 0));
      }),
      { numRuns: 300 },
    );
  });
});

/** A relative owner name with labels put in front (`_dmarc.` before `@` is `_dmarc`). */
function nameUnder(prefix: string, owner: string): string {
  if (owner !== '@') return `${prefix}${owner}`;
  return prefix === '' ? '@' : prefix.slice(0, -1);
}

/** The zone of a head and some record lines, origin example.com. */
function zoneOf(records: readonly string[]): Zone {
  const path = '/work/zones/example.com.zone';
  const text = `$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n${records.join('\n')}\n`;
  const workspace = new ZonelintWorkspace({ settings: DEFAULT_SETTINGS, dns: 'off', host: { readFile: () => text, mayRead: () => true } });
  workspace.setFile(path, text, 'example.com.');
  const zone = workspace.zone(path);
  assert.ok(zone !== undefined);
  return zone;
}
