// The RR types and classes BIND 9.18 knows, by mnemonic and number, and the RFC 3597 generic forms.

/**
 * Mnemonic to type code for every data type BIND 9.18's named-checkzone reads from a primary zone file
 * (checked against named-checkzone 9.18.49, IN class). MD and MF are known but refused ("obsolete"), and meta
 * types may not appear as data: both are listed apart.
 */
export const RR_TYPES: Readonly<Record<string, number>> = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12, HINFO: 13,
  MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22, 'NSAP-PTR': 23, SIG: 24,
  KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30, EID: 31, NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35,
  KX: 36, CERT: 37, A6: 38, DNAME: 39, SINK: 40, APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46,
  NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50, NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56,
  RKEY: 57, TALINK: 58, CDS: 59, CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65,
  DSYNC: 66, HHIT: 67, BRID: 68, SPF: 99, UINFO: 100, UID: 101, GID: 102, UNSPEC: 103, NID: 104, L32: 105,
  L64: 106, LP: 107, EUI48: 108, EUI64: 109, URI: 256, CAA: 257, AVC: 258, DOA: 259, AMTRELAY: 260,
  RESINFO: 261, WALLET: 262, TA: 32768, DLV: 32769, KEYDATA: 65533,
};

/** Types BIND knows but refuses in a primary zone: "type 'MD': obsolete" (RFC 973 replaced them with MX). */
export const OBSOLETE_TYPES: Readonly<Record<string, number>> = { MD: 3, MF: 4 };

/** Meta and query types: known names that may not appear as data in a zone file. */
export const META_TYPES: Readonly<Record<string, number>> = {
  OPT: 41, TKEY: 249, TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254, ANY: 255,
};

/** Every mnemonic BIND knows (data, obsolete and meta), for lookups that must not hit Object.prototype. */
const TYPE_CODES = new Map<string, number>([...Object.entries(RR_TYPES), ...Object.entries(OBSOLETE_TYPES), ...Object.entries(META_TYPES)]);

const TYPE_NAMES = new Map<number, string>();
for (const [name, code] of Object.entries(RR_TYPES)) TYPE_NAMES.set(code, name);
for (const [name, code] of Object.entries(OBSOLETE_TYPES)) TYPE_NAMES.set(code, name);
for (const [name, code] of Object.entries(META_TYPES)) TYPE_NAMES.set(code, name);

export type TypeLookup =
  | { readonly code: number; readonly meta: boolean; readonly error?: undefined }
  | { readonly code?: undefined; readonly error: string };

/**
 * Reads a record's type token: a mnemonic (any case) or `TYPEnnn` with nnn from 0 to 65535. Type 0 and the
 * range 128-255 are meta types, as BIND treats them; MD and MF are refused as obsolete.
 */
export function typeFromText(text: string): TypeLookup {
  const code = typeCodeFromText(text);
  if (code === undefined) return { error: `unknown RR type '${text}'` };
  if (code === 3 || code === 4) return { error: `type '${typeName(code)}' is obsolete and not allowed in a primary zone (use MX)` };
  return { code, meta: isMetaType(code) };
}

/**
 * The code of any type name BIND knows, data, obsolete or meta, or of `TYPEnnn`: what RRSIG's type covered and
 * the NSEC type bitmaps accept. Undefined for an unknown name.
 */
export function typeCodeFromText(text: string): number | undefined {
  // Most zones write types in upper case: try the text as it is before making an upper-case copy.
  const known = TYPE_CODES.get(text) ?? TYPE_CODES.get(text.toUpperCase());
  if (known !== undefined) return known;
  const upper = text.toUpperCase();
  // BIND reads TYPEnnn with up to five digits (leading zeros allowed) and a value up to 65535.
  if (upper.length > 4 && upper.length <= 9 && upper.startsWith('TYPE')) {
    let code = 0;
    for (let i = 4; i < upper.length; i++) {
      const c = upper.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      code = code * 10 + (c - 48);
    }
    if (code <= 65535) return code;
  }
  return undefined;
}

/**
 * The answers of `typeFromText` for short type tokens, by a number made from their letters (case folded), so the
 * parser reads a record's type without a copy of its text. Only answers that are not errors are kept: their
 * messages quote the text as written.
 */
const SHORT_TYPE_LOOKUPS = new Map<number, TypeLookup>();

/** `typeFromText` of the token `text.slice(start, end)`, read in place when it is short. */
export function typeLookupAt(text: string, start: number, end: number): TypeLookup {
  const key = shortTokenKey(text, start, end);
  if (key < 0) return typeFromText(text.slice(start, end));
  let lookup = SHORT_TYPE_LOOKUPS.get(key);
  if (lookup === undefined) {
    lookup = typeFromText(text.slice(start, end));
    if (lookup.error !== undefined) return lookup;
    SHORT_TYPE_LOOKUPS.set(key, lookup);
  }
  return lookup;
}

/**
 * A number that stands for a token of one to five letters and digits, the same for any case of its letters, or
 * -1 for any other token. Base 37 keeps five characters under 2^31, a small integer for V8.
 */
function shortTokenKey(text: string, start: number, end: number): number {
  if (end - start > 5 || end <= start) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const letter = (c | 0x20) - 0x60;
    let digit: number;
    if (letter >= 1 && letter <= 26) digit = letter;
    else if (c >= 48 && c <= 57) digit = c - 48 + 27;
    else return -1;
    key = key * 37 + digit;
  }
  return key;
}

/** Type 0, 128-255 (query and meta types, RFC 6895 §3.1) and OPT may not be zone data. */
export function isMetaType(code: number): boolean {
  return code === 0 || code === 41 || (code >= 128 && code <= 255);
}

/** The presentation name of a type code: its mnemonic, or TYPEnnn. */
export function typeName(code: number): string {
  return TYPE_NAMES.get(code) ?? `TYPE${code}`;
}

export const CLASSES: Readonly<Record<string, number>> = { IN: 1, CH: 3, CHAOS: 3, HS: 4, HESIOD: 4, NONE: 254, ANY: 255 };

const CLASS_NAMES: Record<number, string> = { 1: 'IN', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' };

/** Reads a class token (`IN`, `CH`, `CLASSnnn`, ...), or undefined when the token is not a class. */
export function classFromText(text: string): number | undefined {
  // Records that name a class nearly all say IN; the header reader also asks about every TTL and type token. Those
  // are answered without an upper-case copy and a lookup of it.
  if (text === 'IN' || text === 'in') return 1;
  if (text.length < 2 || isDigit(text.charCodeAt(0))) return undefined;
  const upper = text.toUpperCase();
  const known = CLASSES[upper];
  if (known !== undefined) return known;
  if (/^CLASS\d{1,5}$/.test(upper)) {
    const code = Number(upper.slice(5));
    if (code <= 65535) return code;
  }
  return undefined;
}

export function className(code: number): string {
  return CLASS_NAMES[code] ?? `CLASS${code}`;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
