// Table test for the hover on SPF terms, DMARC tags and DKIM tags: at each `{|}` cursor, the hovered text, and
// what the hover must say (its meaning, value and RFC section).

import assert from 'node:assert/strict';
import { termHoverAt } from '../../server/src/core/services/termHover';
import { ED25519 } from '../unit/email/table';
import { atCursor, HEAD } from './cursor';

interface HoverCase {
  readonly name: string;
  readonly text: string;
  /** The source text the hover covers. */
  readonly covers?: string;
  readonly says?: readonly (string | RegExp)[];
}

const cases: readonly HoverCase[] = [
  { name: 'an include', text: `${HEAD}@ TXT "v=spf1 i{|}nclude:spf.protection.outlook.com -all"`, covers: 'include:spf.protection.outlook.com', says: ['RFC 7208 §5.2', 'pass (the default'] },
  { name: 'the all mechanism and its qualifier', text: `${HEAD}@ TXT "v=spf1 mx -a{|}ll"`, covers: '-all', says: ['RFC 7208 §5.1', 'fail: the receiver may reject'] },
  { name: 'the SPF version', text: `${HEAD}@ TXT "v=sp{|}f1 mx -all"`, covers: 'v=spf1', says: ['RFC 7208 §4.5'] },
  { name: 'a term in the second string', text: `${HEAD}@ TXT "v=spf1 mx " "ip{|}4:192.0.2.0/24 -all"`, covers: 'ip4:192.0.2.0/24', says: ['RFC 7208 §5.6'] },
  { name: 'a term after an escape', text: `${HEAD}@ TXT "v=spf1 a:\\101xample.com -a{|}ll"`, covers: '-all', says: ['RFC 7208 §5.1'] },
  { name: 'a redirect', text: `${HEAD}@ TXT "v=spf1 redir{|}ect=_spf.example.com"\n_spf TXT "v=spf1 -all"`, covers: 'redirect=_spf.example.com', says: ['RFC 7208 §6.1'] },
  { name: 'a DMARC policy and its value', text: `${HEAD}_dmarc TXT "v=DMARC1; p=q{|}uarantine"`, covers: 'p=quarantine', says: ['RFC 9989 §4.7', 'Here: `quarantine`: treat failing mail as suspicious'] },
  { name: 'a DMARC report address', text: `${HEAD}_dmarc TXT "v=DMARC1; p=none; ru{|}a=mailto:d@example.com"`, covers: 'rua=mailto:d@example.com', says: ['aggregate reports', 'RFC 9990 §4'] },
  { name: 'a removed DMARC tag', text: `${HEAD}_dmarc TXT "v=DMARC1; p=none; p{|}ct=50"`, covers: 'pct=50', says: ['RFC 7489 §6.3', 'removed'] },
  { name: 'an unknown DMARC tag', text: `${HEAD}_dmarc TXT "v=DMARC1; p=none; fo{|}o=bar"`, covers: 'foo=bar', says: ['not a DMARC tag'] },
  { name: 'a DKIM key type', text: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed{|}25519; p=${ED25519}"`, covers: 'k=ed25519', says: ['RFC 8463 §4.2', 'Ed25519 (32-octet key)'] },
  { name: 'a DKIM value outside the known ones lists them', text: `${HEAD}k1._domainkey TXT "v=DKIM1; k=ed25519; h=md{|}5; p=${ED25519}"`, covers: 'h=md5', says: ['Values: `sha256`'] },
  { name: 'no hover on a record that is not mail', text: `${HEAD}www TXT "hel{|}lo"` },
  { name: 'no hover outside TXT data', text: `${HEAD}w{|}ww A 192.0.2.1` },
];

describe('term hover', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { text, offset, zone } = atCursor(testCase.text);
      const hover = termHoverAt({ zone, filePath: zone.file.path, offset });
      if (testCase.covers === undefined) {
        assert.equal(hover, undefined);
        return;
      }
      assert.ok(hover !== undefined, 'no hover');
      assert.equal(text.slice(hover.span.start, hover.span.end), testCase.covers);
      for (const phrase of testCase.says ?? []) {
        if (typeof phrase === 'string') assert.ok(hover.markdown.includes(phrase), `"${phrase}" not in:\n${hover.markdown}`);
        else assert.match(hover.markdown, phrase);
      }
    });
  }
});
