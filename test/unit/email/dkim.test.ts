// Unit tests for the DKIM key-record model: key-record names, key decoding, and the description a hover shows.

import assert from 'node:assert/strict';
import { describeDkimKey, dkimKeyName, keyFingerprint, parseDkimKeyRecord } from '../../../server/src/core/email/dkim';
import { ED25519, RSA_1024, RSA_2048 } from './table';

describe('dkimKeyName', () => {
  const cases: ReadonlyArray<[string, ReturnType<typeof dkimKeyName>]> = [
    ['sel._domainkey.example.com.', { selector: 'sel', domain: 'example.com.' }],
    ['a.b._DomainKey.example.com.', { selector: 'a.b', domain: 'example.com.' }],
    ['_domainkey.example.com.', undefined],
    ['_adsp._domainkey.example.com.', undefined],
    ['_report._domainkey.example.com.', undefined],
    ['sel.example.com.', undefined],
  ];
  for (const [owner, expected] of cases) it(owner, () => assert.deepEqual(dkimKeyName(owner), expected));
});

describe('parseDkimKeyRecord key', () => {
  const keyOf = (text: string) => {
    const key = parseDkimKeyRecord(text).key;
    return key.kind === 'decoded' ? key.key : key.kind;
  };
  it('decodes RSA SubjectPublicKeyInfo keys with their size', () => {
    assert.deepEqual(keyOf(`v=DKIM1; p=${RSA_1024}`), { kind: 'rsa', bits: 1024, encoding: 'spki' });
    assert.deepEqual(keyOf(`v=DKIM1; p=${RSA_2048.slice(0, 100)} ${RSA_2048.slice(100)}`), { kind: 'rsa', bits: 2048, encoding: 'spki' });
  });
  it('takes 32 raw octets as an Ed25519 key', () => assert.deepEqual(keyOf(`k=ed25519; p=${ED25519}`), { kind: 'ed25519' }));
  it('tells a missing p= from an empty one', () => {
    assert.equal(keyOf('v=DKIM1'), 'missing');
    assert.equal(keyOf('v=DKIM1; p= '), 'revoked');
  });
  it('does not judge the octets of an unknown key type', () => assert.deepEqual(keyOf(`k=future; p=${ED25519}`), { kind: 'unchecked' }));
  it('reports bad base64 at the offending character', () => {
    const key = parseDkimKeyRecord('v=DKIM1; p=AB$D').key;
    assert.equal(key.kind, 'bad-base64');
    assert.deepEqual(key.kind === 'bad-base64' ? key.range : undefined, { start: 13, end: 14 });
  });
});

describe('describeDkimKey', () => {
  it('describes an RSA key: type, size, fingerprint, flags, hashes', () => {
    const description = describeDkimKey(`v=DKIM1; k=rsa; t=y:s; h=sha256; p=${RSA_1024}`);
    assert.equal(description.keyType, 'rsa');
    assert.equal(description.bits, 1024);
    assert.equal(description.fingerprint, keyFingerprint(Buffer.from(RSA_1024, 'base64')));
    assert.match(description.fingerprint ?? '', /^SHA256:[A-Za-z0-9+/]{43}$/);
    assert.deepEqual(description.flags, ['testing (t=y)', 'strict, no subdomains in i= (t=s)']);
    assert.deepEqual(description.hashAlgorithms, ['sha256']);
    assert.equal(description.revoked, false);
    assert.equal(description.problem, undefined);
    assert.match(description.summary, /^RSA 1024 bits; SHA256:.*; flags: testing \(t=y\), strict/);
  });
  it('describes an Ed25519 key', () => {
    const description = describeDkimKey(`v=DKIM1; k=ed25519; p=${ED25519}`);
    assert.deepEqual([description.keyType, description.bits], ['ed25519', 256]);
  });
  it('describes a revoked key and a broken one', () => {
    assert.equal(describeDkimKey('v=DKIM1; p=').revoked, true);
    assert.match(describeDkimKey('v=DKIM1; p=JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA=').problem ?? '', /does not decode to an RSA public key/);
  });
});
