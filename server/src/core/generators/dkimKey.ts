// The "Add DKIM key record" generator: a `<selector>._domainkey` TXT record from a public key pasted as PEM, as a
// bare `p=` value, or as a whole key record, split into character-strings that fit.

import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { findTag } from '../email/dkim';
import { parseTagList } from '../email/tagList';
import { shown } from '../email/txtRecords';
import { insertRecords } from '../edit/insert';
import type { Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { mailRecordsOf } from './dmarc';
import type { Generated } from './generated';
import { generated, refused } from './generated';

export interface DkimPublicKey {
  readonly keyType: 'rsa' | 'ed25519';
  /** The `p=` value: base64 SubjectPublicKeyInfo for RSA, the 32 raw octets for Ed25519 (RFC 8463 §4.2). */
  readonly p: string;
}

/** Length of the DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 key octets. */
const ED25519_SPKI_PREFIX = 12;

/** Reads a public key from a PEM block, a key record (`v=DKIM1; ... p=...`), a `p=` value or bare base64. */
export function dkimKeyFromInput(input: string): DkimPublicKey | { error: string } {
  const text = input.trim();
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return { error: 'this is a private key, which must never leave the signer: paste the public key (openssl pkey -in key.pem -pubout)' };
  }
  const pem = /-----BEGIN ([A-Z ]*PUBLIC KEY)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (pem !== null) {
    // An input box turns the pasted lines into one; PEM wants its base64 in lines of its own.
    const body = pem[2].replace(/\s+/g, '').replace(/.{1,64}/g, '$&\n');
    try {
      return fromKeyObject(createPublicKey(`-----BEGIN ${pem[1]}-----\n${body}-----END ${pem[1]}-----\n`));
    } catch (error) {
      return { error: `the PEM block is not a public key zonelint can read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const unquoted = text.replace(/"\s*"?/g, '').replace(/[()]/g, '');
  const tags = unquoted.includes('=') && /(?:^|;)\s*p\s*=/.test(unquoted) ? parseTagList(unquoted).tags : undefined;
  const base64 = (tags === undefined ? unquoted : findTag(tags, 'p')?.value ?? '').replace(/\s+/g, '');
  const declared = tags === undefined ? undefined : findTag(tags, 'k')?.value.toLowerCase();
  if (base64 === '') return { error: 'no key found: paste a PEM public key, a p= value or the whole DKIM record' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return { error: 'the key is not base64' };
  const octets = Buffer.from(base64, 'base64');
  if (declared === 'ed25519' || (declared === undefined && octets.length === 32)) {
    return octets.length === 32 ? { keyType: 'ed25519', p: octets.toString('base64') } : { error: `an Ed25519 key is 32 octets, this one is ${octets.length}` };
  }
  try {
    return fromKeyObject(createPublicKey({ key: octets, format: 'der', type: 'spki' }));
  } catch {
    try {
      return fromKeyObject(createPublicKey({ key: octets, format: 'der', type: 'pkcs1' }));
    } catch (error) {
      return { error: `the key does not decode as an RSA or Ed25519 public key: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/** The text of a key record: `v=DKIM1; k=<type>; p=<key>`. */
export function dkimRecordText(key: DkimPublicKey): string {
  return `v=DKIM1; k=${key.keyType}; p=${key.p}`;
}

/** Adds `<selector>._domainkey.<domain>` unless a record is already there. */
export function addDkimKeyRecord(options: { zone: Zone; domain: string; selector: string; input: string }): Generated {
  const { zone, domain } = options;
  const selector = options.selector.trim();
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*$/.test(selector)) {
    return refused(`"${selector}" is not a selector: use letters, digits and hyphens (a date such as 2024a is common)`);
  }
  const key = dkimKeyFromInput(options.input);
  if ('error' in key) return refused(key.error);
  const owner = `${selector}._domainkey.${domain}`;
  if (recordsAt(zone, owner).length > 0) return refused(`${shown(owner)} already has a record: pick a new selector, so the old key keeps verifying mail in transit`);
  const edits = insertRecords({ zone, records: [{ owner, type: 'TXT', rdata: { kind: 'txt', value: dkimRecordText(key) } }], near: mailRecordsOf(zone, domain) });
  return generated({ title: `Add DKIM key record ${shown(owner)} (${key.keyType})`, edits });
}

function fromKeyObject(key: KeyObject): DkimPublicKey | { error: string } {
  const der = key.export({ format: 'der', type: 'spki' });
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { keyType: 'rsa', p: der.toString('base64') };
    case 'ed25519':
      return { keyType: 'ed25519', p: der.subarray(ED25519_SPKI_PREFIX).toString('base64') };
    default:
      return { error: `a ${key.asymmetricKeyType ?? 'unknown'} key cannot sign DKIM mail: use RSA (2048 bits) or Ed25519` };
  }
}
