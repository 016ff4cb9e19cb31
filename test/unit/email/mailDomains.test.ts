// Unit tests for the RFC 9989 tree walk and the no-mail SPF test of the mail-domain model.

import assert from 'node:assert/strict';
import { isNoMailSpf, treeWalk } from '../../../server/src/core/email/mailDomains';

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
