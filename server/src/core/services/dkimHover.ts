// Hover text for a DKIM key record: the key decoded from p= (type, size, SHA-256 fingerprint) and the flags,
// hash algorithms and services the record declares, so a reader need not decode base64 by hand.

import type { DkimKeyDescription } from '../email/dkim';
import { describeDkimKey, dkimKeyName, looksLikeDkim } from '../email/dkim';
import { txtRecordText } from '../email/txtRecords';
import type { Zone } from '../zone/model';
import type { HoverText } from './hover';
import { recordAt } from './locate';
import { markdownCode } from './spfHover';

/**
 * The decoded key of the DKIM key record whose data contains `offset`: a TXT record at a `<selector>._domainkey`
 * name, or one anywhere that starts with `v=DKIM1`. Undefined for any other offset.
 */
export function dkimHoverAt(input: { zone: Zone; filePath: string; offset: number }): HoverText | undefined {
  const record = recordAt(input.zone, input.filePath, input.offset);
  if (record === undefined || input.offset < record.rdataSpan.start || input.offset > record.rdataSpan.end) return undefined;
  const text = txtRecordText(record);
  const name = dkimKeyName(record.owner);
  if (text === undefined || (name === undefined && !looksLikeDkim(text.text))) return undefined;
  const heading =
    name === undefined
      ? `**DKIM key record** at ${markdownCode(record.owner)}, which is not a \`<selector>._domainkey\` name: verifiers never look here`
      : `**DKIM key** of selector ${markdownCode(name.selector)} for ${markdownCode(name.domain)}`;
  return { span: record.rdataSpan, markdown: `${heading}\n\n${describedLines(describeDkimKey(text.text)).join('\n')}` };
}

function describedLines(key: DkimKeyDescription): string[] {
  const lines: string[] = [];
  if (key.revoked) lines.push(`- Revoked: \`p=\` is empty, so the signer has withdrawn this ${keyTypeName(key.keyType)} key`);
  else lines.push(`- Type: ${keyTypeName(key.keyType)}${key.bits === undefined ? '' : `, ${key.bits} bits`}`);
  if (key.fingerprint !== undefined) lines.push(`- Fingerprint: ${markdownCode(key.fingerprint)}`);
  lines.push(`- Flags: ${key.flags.length === 0 ? 'none' : key.flags.join(', ')}`);
  if (key.hashAlgorithms !== undefined) lines.push(`- Hash algorithms: ${key.hashAlgorithms.join(', ')}`);
  if (key.serviceTypes !== undefined) lines.push(`- Services: ${key.serviceTypes.join(', ')}`);
  if (key.problem !== undefined) lines.push(`- Problem: ${key.problem}`);
  return lines;
}

function keyTypeName(keyType: string): string {
  if (keyType === 'rsa') return 'RSA';
  if (keyType === 'ed25519') return 'Ed25519';
  return `unknown (${markdownCode(`k=${keyType}`)})`;
}
