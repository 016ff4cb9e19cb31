// The DKIM record hover: the key decoded from p= (type, size, fingerprint), the flags and restrictions, a revoked
// or broken key, a key record at a name verifiers never ask, and the places where no DKIM hover belongs.

import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { dkimHoverAt } from '../../server/src/core/services/dkimHover';
import { editorHoverAt } from '../../server/src/core/services/hover';
import { HEAD, testWorkspace, ZONE_PATH } from '../unit/spf/helpers/workspace';

interface DkimCase {
  readonly name: string;
  /** Zone lines after HEAD; `RSA_P` and `ED25519_P` stand for the test keys' p= values, split into strings. */
  readonly zone: string;
  readonly needle: string;
  readonly into: number;
  /** The markdown, with `RSA_FINGERPRINT` and `ED25519_FINGERPRINT` for the keys' fingerprints; undefined: no hover. */
  readonly expected: string | undefined;
}

const cases: readonly DkimCase[] = [
  {
    name: 'an RSA key with flags, hash algorithms and services',
    zone: 'sel1._domainkey TXT "v=DKIM1; k=rsa; t=y:s; h=sha256; s=email; " RSA_P\n',
    needle: 'k=rsa',
    into: 0,
    expected: [
      '**DKIM key** of selector `sel1` for `example.com.`',
      '',
      '- Type: RSA, 2048 bits',
      '- Fingerprint: `RSA_FINGERPRINT`',
      '- Flags: testing (t=y), strict, no subdomains in i= (t=s)',
      '- Hash algorithms: sha256',
      '- Services: email',
    ].join('\n'),
  },
  {
    name: 'an Ed25519 key (RFC 8463), hovered in its key data',
    zone: 'ed._domainkey.mail TXT "v=DKIM1; k=ed25519; p=" ED25519_P\n',
    needle: 'ED25519_P',
    into: 3,
    expected: '**DKIM key** of selector `ed` for `mail.example.com.`\n\n- Type: Ed25519, 256 bits\n- Fingerprint: `ED25519_FINGERPRINT`\n- Flags: none',
  },
  {
    name: 'a revoked key',
    zone: 'old._domainkey TXT "v=DKIM1; p="\n',
    needle: 'p=',
    into: 0,
    expected: '**DKIM key** of selector `old` for `example.com.`\n\n- Revoked: `p=` is empty, so the signer has withdrawn this RSA key\n- Flags: none',
  },
  {
    name: 'a key cut short',
    zone: 'cut._domainkey TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3D"\n',
    needle: 'MIGf',
    into: 0,
    expected: '**DKIM key** of selector `cut` for `example.com.`\n\n- Type: RSA\n- Flags: none\n- Problem: bad base64 in p=: 17 characters is not a multiple of 4, so the key is cut short or padding is missing',
  },
  {
    name: 'an unknown key type',
    zone: 'x._domainkey TXT "v=DKIM1; k=dsa; p=AAAA"\n',
    needle: 'k=dsa',
    into: 0,
    expected: '**DKIM key** of selector `x` for `example.com.`\n\n- Type: unknown (`k=dsa`)\n- Fingerprint: `SHA256:cJ6AyISHokEeHuTfufIqhhSS0gxHZRUMDHlKvXD4FHw`\n- Flags: none',
  },
  {
    name: 'a v=DKIM1 record outside _domainkey',
    zone: 'keys TXT "v=DKIM1; p=" ED25519_P\n',
    needle: 'v=DKIM1',
    into: 0,
    expected: '**DKIM key record** at `keys.example.com.`, which is not a `<selector>._domainkey` name: verifiers never look here\n\n- Type: RSA\n- Fingerprint: `ED25519_FINGERPRINT`\n- Flags: none\n- Problem: p= does not decode to an RSA public key: its 32 octets are not a DER SubjectPublicKeyInfo (the key is cut short or damaged)',
  },
  { name: 'a TXT record that is not DKIM', zone: 'www TXT "hello v=DKIM1"\n', needle: 'hello', into: 0, expected: undefined },
  { name: 'the owner of a key record', zone: 'sel2._domainkey TXT "v=DKIM1; p="\n', needle: 'sel2', into: 0, expected: undefined },
  { name: 'a CNAME at a selector name', zone: 'sel3._domainkey CNAME sel3.dkim.example.net.\n', needle: 'dkim.example', into: 0, expected: undefined },
];

describe('DKIM record hover', () => {
  let rsa: { p: string; fingerprint: string };
  let ed25519: { p: string; fingerprint: string };

  before(() => {
    const rsaDer = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
    // RFC 8463 publishes the bare 32 key octets: the end of the SubjectPublicKeyInfo.
    const edOctets = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
    rsa = { p: rsaDer.toString('base64'), fingerprint: fingerprintOf(rsaDer) };
    ed25519 = { p: edOctets.toString('base64'), fingerprint: fingerprintOf(edOctets) };
  });

  for (const testCase of cases) {
    it(testCase.name, () => {
      const text = HEAD + testCase.zone.replace('RSA_P', `"p=${quotedStrings(rsa.p)}"`).replace('ED25519_P', `"${ed25519.p}"`);
      const { zone } = testWorkspace(text);
      const hover = dkimHoverAt({ zone, filePath: ZONE_PATH, offset: offsetOf(text, testCase.needle === 'ED25519_P' ? ed25519.p : testCase.needle, testCase.into) });
      if (testCase.expected === undefined) return assert.equal(hover, undefined);
      const record = zone.records.find((candidate) => candidate.type === 16 && candidate.span.start <= hover!.span.start && hover!.span.end <= candidate.span.end);
      assert.deepEqual(hover?.span, record?.rdataSpan);
      assert.equal(hover?.markdown, testCase.expected.replace('RSA_FINGERPRINT', rsa.fingerprint).replace('ED25519_FINGERPRINT', ed25519.fingerprint));
    });
  }

  it('is what the editor shows in the data of a key record, next to the type hover', async () => {
    const text = `${HEAD}s._domainkey TXT "v=DKIM1; p=${ed25519.p}"\n`.replace('p=', 'k=ed25519; p=');
    const { workspace, zone } = testWorkspace(text);
    const at = async (needle: string): Promise<string | undefined> =>
      (await editorHoverAt({ zone, filePath: ZONE_PATH, offset: offsetOf(text, needle), workspace: workspace.getView() }))?.markdown;
    assert.match((await at('k=ed25519')) ?? '', /^`k=`: The key type\.[\s\S]*\n---\n\n\*\*DKIM key\*\* of selector `s`[\s\S]*- Type: Ed25519, 256 bits/);
    assert.match((await at('TXT')) ?? '', /^\*\*TXT\*\* record/);
  });
});

/** `SHA256:` and the unpadded base64 of the octets' SHA-256, as OpenSSH prints fingerprints. */
function fingerprintOf(octets: Buffer): string {
  return `SHA256:${createHash('sha256').update(octets).digest('base64').replace(/=+$/, '')}`;
}

/** A long value as several quoted strings of at most 200 characters, the way zone files carry 2048-bit keys. */
function quotedStrings(value: string): string {
  return (value.match(/.{1,200}/g) ?? []).join('" "');
}

/** The offset of the first `needle` in `text`, moved `into` characters into it. */
function offsetOf(text: string, needle: string, into = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `no ${needle}`);
  return index + into;
}
