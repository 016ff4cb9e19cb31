// Readers for the less common record types BIND 9.18 knows: legacy (WKS, X25, ISDN, NSAP, PX, GPOS, A6, SINK,
// ATMA, EID, NIMLOC), keys and certificates (CERT, SSHFP, TLSA, IPSECKEY, HIP, DHCID, OPENPGPKEY, HHIT, BRID),
// locators (NID, L32, L64, EUI48, EUI64, APL, AMTRELAY), NAPTR, DOA and DSYNC.

import { typeCodeFromText } from '../rrtypes';
import { Base64Decoder, Feed, hexValue, writeIpv4, writeIpv6 } from './codecs';
import { ipv4Problem, ipv6Problem, OTHER, type ReadRdata } from './basic';
import { readAlgorithm } from './dnssec';
import { ANY_LENGTH, AT_LEAST_ONE, decimalValue, type RdataReader } from './reader';
import type { RData } from './types';

/** IP protocol names WKS accepts (BIND asks the system's /etc/protocols; these are the usual entries). */
const PROTOCOLS: Readonly<Record<string, number>> = { ip: 0, icmp: 1, igmp: 2, ggp: 3, tcp: 6, egp: 8, pup: 12, udp: 17, ipv6: 41 };

/** Service names WKS accepts (BIND asks /etc/services; these are the common well-known ports). */
const SERVICES: Readonly<Record<string, number>> = {
  tcpmux: 1, echo: 7, discard: 9, systat: 11, daytime: 13, netstat: 15, qotd: 17, chargen: 19, 'ftp-data': 20, ftp: 21, ssh: 22, telnet: 23, smtp: 25, time: 37, whois: 43,
  domain: 53, tftp: 69, gopher: 70, finger: 79, http: 80, www: 80, kerberos: 88, pop3: 110, sunrpc: 111, auth: 113,
  nntp: 119, ntp: 123, imap: 143, imap2: 143, snmp: 161, ldap: 389, https: 443, submission: 587, ldaps: 636,
  imaps: 993, pop3s: 995,
};

/** WKS (RFC 1035 §3.4.2): address, protocol and a bitmap of the listed ports. */
export function readWks(r: RdataReader): RData {
  const address = r.word('an IPv4 address');
  if (!writeIpv4(address.text, 0, address.text.length, r.out)) r.fail(address, 'zone-bad-rdata', ipv4Problem(address.text));
  const protocolToken = r.word('protocol');
  const protocol = /^[0-9]/.test(protocolToken.text) ? r.numberOf(protocolToken, 'protocol', 0xff) : PROTOCOLS[protocolToken.text.toLowerCase()];
  if (protocol === undefined) r.fail(protocolToken, 'zone-bad-rdata', `unknown protocol '${protocolToken.text}' (expected a number or tcp, udp)`);
  r.out.u8(protocol);
  const ports: number[] = [];
  while (!r.atEnd) {
    const token = r.word('port or service');
    const port = /^[0-9]/.test(token.text) ? r.numberOf(token, 'port', 0xffff) : SERVICES[token.text.toLowerCase()];
    if (port === undefined) r.fail(token, 'zone-bad-rdata', `unknown service '${token.text}' (write the port number instead)`);
    ports.push(port);
  }
  if (ports.length === 0) return OTHER;
  const octets = (Math.max(...ports) >> 3) + 1;
  const base = r.out.length;
  for (let i = 0; i < octets; i++) r.out.u8(0);
  for (const port of ports) r.out.setU8(base + (port >> 3), r.out.at(base + (port >> 3)) | (0x80 >> (port & 7)));
  return OTHER;
}

/** NULL (RFC 1035 §3.3.10) has no presentation format: BIND takes it only as `\# <length> <hex>`. */
export function readNull(r: RdataReader): RData {
  const first = r.peek();
  if (first !== undefined) r.fail(first, 'zone-bad-rdata', 'NULL rdata can only be written as \\# <length> <hex> (RFC 3597)');
  return r.failAtEnd('NULL rdata written as \\# <length> <hex> (RFC 3597)');
}

/** X25 (RFC 1183 §3.1): one character-string of at least four decimal digits. */
export function readX25(r: RdataReader): RData {
  const text = r.charString('PSDN address');
  if (text.value.length < 4 || !/^[0-9]+$/.test(text.value)) {
    r.fail(text.span, 'zone-bad-rdata', `bad X25 PSDN address '${text.raw}' (expected at least four decimal digits)`);
  }
  return OTHER;
}

/** NSAP (RFC 1706): `0x` then hex digits, dots allowed anywhere as separators. */
export function readNsap(r: RdataReader): RData {
  const token = r.word('NSAP address');
  const text = token.text;
  if (text.length < 2 || text[0] !== '0' || (text[1] !== 'x' && text[1] !== 'X')) {
    r.fail(token, 'zone-bad-rdata', `bad NSAP address '${text}' (expected 0x followed by hex digits)`);
  }
  writeDottedHex(r, token, 2, 'NSAP address');
  return OTHER;
}

/** Hex digits of `token` from `from`, dots ignored, an even count of at least two. */
function writeDottedHex(r: RdataReader, token: { text: string; start: number; end: number }, from: number, what: string): void {
  let high = -1;
  let octets = 0;
  for (let i = from; i < token.text.length; i++) {
    const c = token.text.charCodeAt(i);
    if (c === 46) continue;
    const v = hexValue(c);
    if (v < 0) r.fail(token, 'zone-bad-rdata', `bad ${what} '${token.text}' (only hex digits and dots are allowed)`);
    if (high < 0) high = v;
    else {
      r.out.u8((high << 4) | v);
      high = -1;
      octets++;
    }
  }
  if (high >= 0 || octets === 0) r.fail(token, 'zone-bad-rdata', `bad ${what} '${token.text}' (expected an even number of hex digits)`);
}

/** ATMA (ATM Forum): an E.164 number `+digits` (dots ignored) or an NSAP address in hex (dots ignored). */
export function readAtma(r: RdataReader): RData {
  const token = r.word('ATM address');
  if (token.text.startsWith('+')) {
    r.out.u8(1);
    let digits = 0;
    for (let i = 1; i < token.text.length; i++) {
      const c = token.text.charCodeAt(i);
      if (c === 46) continue;
      if (c < 48 || c > 57) r.fail(token, 'zone-bad-rdata', `bad E.164 ATM address '${token.text}' (only digits and dots may follow +)`);
      r.out.u8(c);
      digits++;
    }
    if (digits === 0 || token.text.endsWith('.')) r.fail(token, 'zone-bad-rdata', `bad E.164 ATM address '${token.text}'`);
    return OTHER;
  }
  r.out.u8(0);
  if (token.text.endsWith('.')) r.fail(token, 'zone-bad-rdata', `bad ATM NSAP address '${token.text}' (a trailing dot)`);
  writeDottedHex(r, token, 0, 'ATM NSAP address');
  return OTHER;
}

/** PX (RFC 2163): preference, MAP822 and MAPX400 names. */
export function readPx(r: RdataReader): RData {
  r.u16('PX preference');
  r.name('MAP822 name');
  r.name('MAPX400 name');
  return OTHER;
}

/** A6 (RFC 2874): prefix length, the address suffix (unless 128), the prefix name (unless 0). */
export function readA6(r: RdataReader): RData {
  const prefixLength = r.number('A6 prefix length', 128);
  r.out.u8(prefixLength);
  if (prefixLength < 128) {
    const token = r.word('an IPv6 address suffix');
    const start = r.out.length;
    if (!writeIpv6(token.text, r.out)) r.fail(token, 'zone-bad-rdata', ipv6Problem(token.text));
    // Only the octets past the prefix are kept, and the prefix bits in the first of them are cleared.
    const skip = prefixLength >> 3;
    const kept = r.out.view(start + skip, start + 16).slice();
    kept[0] &= 0xff >> (prefixLength & 7);
    r.out.length = start;
    for (const octet of kept) r.out.u8(octet);
  }
  if (prefixLength > 0) r.name('A6 prefix name');
  return OTHER;
}

/** SINK (draft-eastlake-kitchen-sink): meaning, coding, subcoding and optional base64 data. */
export function readSink(r: RdataReader): RData {
  r.u8('SINK meaning');
  r.u8('SINK coding');
  r.u8('SINK subcoding');
  r.base64Rest('SINK data', ANY_LENGTH);
  return OTHER;
}

/** CERT type mnemonics (RFC 4398 §2.1). */
const CERT_TYPES: Readonly<Record<string, number>> = {
  PKIX: 1, SPKI: 2, PGP: 3, IPKIX: 4, ISPKI: 5, IPGP: 6, ACPKIX: 7, IACPKIX: 8, URI: 253, OID: 254,
};

/** CERT (RFC 4398): type (number or mnemonic), key tag, algorithm and a base64 certificate. */
export function readCert(r: RdataReader): RData {
  const token = r.word('certificate type');
  const value = /^[0-9]/.test(token.text) ? r.numberOf(token, 'certificate type', 0xffff) : CERT_TYPES[token.text.toUpperCase()];
  if (value === undefined) r.fail(token, 'zone-bad-rdata', `unknown certificate type '${token.text}' (expected a number or PKIX, SPKI, PGP, IPKIX, ISPKI, IPGP, ACPKIX, IACPKIX, URI, OID)`);
  r.out.u16(value);
  r.u16('key tag');
  readAlgorithm(r);
  r.base64Rest('certificate', AT_LEAST_ONE);
  return OTHER;
}

/** SSHFP (RFC 4255): SHA-1 (type 1) and SHA-256 (type 2) fingerprints must have their digest lengths. */
export function readSshfp(r: RdataReader): RData {
  r.u8('SSHFP algorithm');
  const type = r.u8('SSHFP fingerprint type');
  const octets = type === 1 ? 20 : type === 2 ? 32 : undefined;
  r.hexRest('fingerprint', octets === undefined ? AT_LEAST_ONE : { kind: 'exactly', octets });
  return OTHER;
}

/** TLSA and SMIMEA (RFC 6698, RFC 8162): usage, selector, matching type and hex data. */
export function readTlsa(r: RdataReader): RData {
  r.u8('certificate usage');
  r.u8('selector');
  r.u8('matching type');
  r.hexRest('certificate association data', AT_LEAST_ONE);
  return OTHER;
}

/** DHCID, OPENPGPKEY, HHIT, BRID: base64 data that must not be empty. */
export function base64Only(what: string): ReadRdata {
  return (r) => {
    r.base64Rest(what, AT_LEAST_ONE);
    return OTHER;
  };
}

/** EID and NIMLOC: hex data that must not be empty. */
export function hexOnly(what: string): ReadRdata {
  return (r) => {
    r.hexRest(what, AT_LEAST_ONE);
    return OTHER;
  };
}

/** IPSECKEY (RFC 4025): precedence, gateway type (0-3), algorithm, gateway and a base64 public key. */
export function readIpseckey(r: RdataReader): RData {
  r.u8('precedence');
  const gatewayType = r.number('gateway type', 3);
  r.out.u8(gatewayType);
  r.u8('IPSECKEY algorithm');
  readGateway(r, gatewayType, 'gateway');
  r.base64Rest('public key', AT_LEAST_ONE);
  return OTHER;
}

/** The gateway/relay of IPSECKEY and AMTRELAY: none (`.`), IPv4, IPv6 or a name by type 0-3. */
function readGateway(r: RdataReader, type: number, what: string): void {
  const token = r.word(what);
  switch (type) {
    case 0:
      if (token.text !== '.') r.fail(token, 'zone-bad-rdata', `with ${what} type 0 the ${what} must be '.'`);
      return;
    case 1:
      if (!writeIpv4(token.text, 0, token.text.length, r.out)) r.fail(token, 'zone-bad-rdata', ipv4Problem(token.text));
      return;
    case 2:
      if (!writeIpv6(token.text, r.out)) r.fail(token, 'zone-bad-rdata', ipv6Problem(token.text));
      return;
    default: {
      const parsed = r.nameOf(token, `${what} name`);
      r.out.name(parsed);
    }
  }
}

/** AMTRELAY (RFC 8777): precedence, discovery-optional bit, relay type and relay. */
export function readAmtrelay(r: RdataReader): RData {
  r.u8('precedence');
  const discovery = r.number('discovery optional flag', 1);
  const typeToken = r.word('relay type');
  const type = r.numberOf(typeToken, 'relay type', 127);
  r.out.u8((discovery << 7) | type);
  if (type > 3) {
    // BIND has no presentation format for other relay types: only \# can carry them.
    const relay = r.word('relay');
    r.fail(relay, 'zone-bad-rdata', `relay type ${type} has no presentation format (write the whole rdata as \\# <length> <hex>)`);
  }
  readGateway(r, type, 'relay');
  return OTHER;
}

/** HIP (RFC 8005): algorithm, HIT (hex), public key (base64), then rendezvous server names. */
export function readHip(r: RdataReader): RData {
  const algorithm = r.number('public key algorithm', 0xff);
  const hit = r.word('HIT');
  const head = r.out.length;
  r.out.u8(0);
  r.out.u8(0);
  r.out.u16(0);
  const hitStart = r.out.length;
  writeDottedHexStrict(r, hit, 'HIT');
  const hitLength = r.out.length - hitStart;
  if (hitLength > 255) r.fail(hit, 'zone-bad-rdata', 'the HIT is longer than 255 octets');
  const key = r.word('public key');
  const decoder = new Base64Decoder(r.out);
  if (decoder.feed(key.text) !== Feed.Ok || !decoder.complete || decoder.written === 0) {
    r.fail(key, 'zone-bad-rdata', `bad base64 in public key '${key.text}'`);
  }
  r.out.setU8(head, hitLength);
  r.out.setU8(head + 1, algorithm);
  r.out.setU16(head + 2, decoder.written);
  while (!r.atEnd) r.name('rendezvous server name');
  return OTHER;
}

function writeDottedHexStrict(r: RdataReader, token: { text: string; start: number; end: number }, what: string): void {
  if (token.text.length === 0 || token.text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(token.text)) {
    r.fail(token, 'zone-bad-rdata', `bad ${what} '${token.text}' (expected an even number of hex digits)`);
  }
  for (let i = 0; i < token.text.length; i += 2) r.out.u8((hexValue(token.text.charCodeAt(i)) << 4) | hexValue(token.text.charCodeAt(i + 1)));
}

/** NID and L64 (RFC 6742): preference and a 64-bit locator as four colon-separated groups of 1-4 hex digits. */
export function preferenceAnd64(what: string): ReadRdata {
  return (r) => {
    r.u16(`${what} preference`);
    const token = r.word(what);
    const groups = token.text.split(':');
    if (groups.length !== 4 || !groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) {
      r.fail(token, 'zone-bad-rdata', `bad ${what} '${token.text}' (expected four groups of 1-4 hex digits, like 0014:4fff:ff20:ee64)`);
    }
    for (const group of groups) r.out.u16(parseInt(group, 16));
    return OTHER;
  };
}

/** L32 (RFC 6742): preference and an IPv4-style locator. */
export function readL32(r: RdataReader): RData {
  r.u16('L32 preference');
  const token = r.word('L32 locator');
  if (!writeIpv4(token.text, 0, token.text.length, r.out)) r.fail(token, 'zone-bad-rdata', ipv4Problem(token.text));
  return OTHER;
}

/**
 * EUI48 and EUI64 (RFC 7043): hex octets of 1-2 digits joined by hyphens. BIND 9.18 reads them with sscanf and
 * ignores whatever follows the last octet (newer BIND refuses it): that is accepted with a warning.
 */
export function eui(octets: number): ReadRdata {
  return (r) => {
    const token = r.word(`EUI-${octets * 8} address`);
    const text = token.text;
    let pos = 0;
    for (let i = 0; i < octets; i++) {
      if (i > 0) {
        if (text[pos] !== '-') pos = -1;
        else pos++;
      }
      const digits = pos < 0 ? 0 : hexDigitsAt(text, pos, 2);
      if (digits === 0) {
        r.fail(token, 'zone-bad-rdata', `bad EUI-${octets * 8} address '${text}' (expected ${octets} hex octets joined by '-', like ${octets === 6 ? '00-00-5e-00-53-2a' : '00-00-5e-ef-10-00-00-2a'})`);
      }
      r.out.u8(parseInt(text.slice(pos, pos + digits), 16));
      pos += digits;
    }
    if (pos < text.length) {
      r.warn(token, 'zone-bad-rdata', `'${text.slice(pos)}' after the EUI-${octets * 8} address is ignored by BIND 9.18 and refused by newer versions`);
    }
    return OTHER;
  };
}

/** How many hex digits (at most `max`) start at `pos`. */
function hexDigitsAt(text: string, pos: number, max: number): number {
  let count = 0;
  while (count < max && pos + count < text.length && hexValue(text.charCodeAt(pos + count)) >= 0) count++;
  return count;
}

/** APL (RFC 3123): items `[!]afi:address/prefix` for address families 1 (IPv4) and 2 (IPv6). */
export function readApl(r: RdataReader): RData {
  while (!r.atEnd) {
    const token = r.word('APL item');
    const text = token.text;
    const negate = text.startsWith('!');
    const colon = text.indexOf(':');
    const slash = text.lastIndexOf('/');
    if (colon < 0 || slash < colon) r.fail(token, 'zone-bad-rdata', `bad APL item '${text}' (expected [!]afi:address/prefix, like 1:192.0.2.0/24)`);
    const family = decimalValue(text.slice(negate ? 1 : 0, colon));
    const prefix = decimalValue(text.slice(slash + 1));
    if (family !== 1 && family !== 2) r.fail(token, 'zone-bad-rdata', `APL address family in '${text}' must be 1 (IPv4) or 2 (IPv6)`);
    if (prefix < 0) r.fail(token, 'zone-bad-rdata', `bad APL prefix length in '${text}'`);
    if (prefix > (family === 1 ? 32 : 128)) r.fail(token, 'zone-bad-rdata', `APL prefix length in '${text}' is out of range (at most ${family === 1 ? 32 : 128})`);
    r.out.u16(family);
    r.out.u8(prefix);
    const lengthAt = r.out.length;
    r.out.u8(0);
    const start = r.out.length;
    const address = text.slice(colon + 1, slash);
    const ok = family === 1 ? writeIpv4(address, 0, address.length, r.out) : writeIpv6(address, r.out);
    if (!ok) r.fail(token, 'zone-bad-rdata', `bad ${family === 1 ? 'IPv4' : 'IPv6'} address in APL item '${text}'`);
    // Trailing zero octets of the address are not sent (RFC 3123 §4).
    let end = r.out.length;
    while (end > start && r.out.at(end - 1) === 0) end--;
    r.out.length = end;
    r.out.setU8(lengthAt, (negate ? 0x80 : 0) | (end - start));
  }
  return OTHER;
}

/** NAPTR (RFC 3403): order, preference, flags, services, regexp (checked as BIND does) and replacement. */
export function readNaptr(r: RdataReader): RData {
  r.u16('NAPTR order');
  r.u16('NAPTR preference');
  r.charString('NAPTR flags');
  r.charString('NAPTR services');
  const regexp = r.charString('NAPTR regexp');
  const problem = regexpProblem(regexp.value);
  if (problem !== undefined) r.fail(regexp.span, 'zone-bad-rdata', `bad NAPTR regexp '${regexp.raw}': ${problem}`);
  r.name('NAPTR replacement');
  return OTHER;
}

/**
 * Checks a NAPTR substitution expression `<delim>regex<delim>replacement<delim>flags` the way BIND does: the
 * delimiter is not a digit, `\` or `i`; the only flag is `i`; back-references may not exceed the groups.
 */
export function regexpProblem(value: string): string | undefined {
  if (value.length === 0) return undefined;
  const delimiter = value[0];
  if (/[0-9\\i\0]/.test(delimiter)) return `'${delimiter}' cannot be the delimiter`;
  let part = 0;
  let groups = 0;
  for (let i = 1; i < value.length; i++) {
    const c = value[i];
    if (c === '\0') return 'a NUL octet';
    if (c === delimiter) {
      part++;
      if (part > 2) return 'too many delimiters';
      continue;
    }
    if (part === 2) {
      if (c !== 'i') return `unknown flag '${c}' (only i is allowed)`;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= value.length) return 'a trailing backslash';
      const next = value[++i];
      if (part === 1 && next === '0') return 'back-reference \\0';
      if (part === 1 && next >= '1' && next <= '9' && Number(next) > groups) return `back-reference \\${next} to a group that does not exist`;
      continue;
    }
    if (part === 0 && c === '(') groups++;
  }
  if (part < 2) return 'expected three delimiters (like !regex!replacement!)';
  return undefined;
}

/** DOA (draft-durand-doa-over-dns): enterprise, type, location, media type, base64 data or `-`. */
export function readDoa(r: RdataReader): RData {
  r.u32('DOA enterprise');
  r.u32('DOA type');
  r.u8('DOA location');
  r.charString('DOA media type');
  const data = r.word('DOA data');
  if (data.text === '-') return OTHER;
  const decoder = new Base64Decoder(r.out);
  if (decoder.feed(data.text) !== Feed.Ok || !decoder.complete) r.fail(data, 'zone-bad-rdata', `bad base64 in DOA data '${data.text}'`);
  return OTHER;
}

/** DSYNC (draft-ietf-dnsop-generalized-notify): RR type, scheme (number or NOTIFY), port and target. */
export function readDsync(r: RdataReader): RData {
  const typeToken = r.word('RR type');
  const type = typeCodeFromText(typeToken.text);
  if (type === undefined) r.fail(typeToken, 'zone-bad-rdata', `unknown RR type '${typeToken.text}'`);
  r.out.u16(type);
  const scheme = r.word('DSYNC scheme');
  const value = /^[0-9]/.test(scheme.text) ? r.numberOf(scheme, 'DSYNC scheme', 0xff) : scheme.text.toUpperCase() === 'NOTIFY' ? 1 : undefined;
  if (value === undefined) r.fail(scheme, 'zone-bad-rdata', `unknown DSYNC scheme '${scheme.text}' (expected a number or NOTIFY)`);
  r.out.u8(value);
  r.u16('port');
  r.name('DSYNC target');
  return OTHER;
}

/** GPOS (RFC 1712): longitude, latitude and altitude as three character-strings. */
export const readGpos: ReadRdata = (r) => {
  r.charString('GPOS longitude');
  r.charString('GPOS latitude');
  r.charString('GPOS altitude');
  return OTHER;
};

/** ISDN (RFC 1183 §3.2): an address and an optional subaddress. */
export const readIsdn: ReadRdata = (r) => {
  r.charString('ISDN address');
  if (!r.atEnd) r.charString('ISDN subaddress');
  return OTHER;
};
