// Validation of wire-form rdata per type, as BIND's fromwire functions do it: BIND re-reads RFC 3597 `\#` data
// of a known type through them and rejects what they reject (`A \# 3 c00002`).

/** A wire-form problem; a plain class (not an Error) so that no stack trace is captured. */
export class WireInvalid {
  constructor(readonly message: string) {}
}

export class WireCursor {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  take(count: number, what: string): number {
    if (this.remaining < count) throw new WireInvalid(`the data ends inside the ${what}`);
    const at = this.pos;
    this.pos += count;
    return at;
  }

  u8(what: string): number {
    return this.bytes[this.take(1, what)];
  }

  u16(what: string): number {
    const at = this.take(2, what);
    return (this.bytes[at] << 8) | this.bytes[at + 1];
  }

  u32(what: string): number {
    const at = this.take(4, what);
    return ((this.bytes[at] << 24) >>> 0) + (this.bytes[at + 1] << 16) + (this.bytes[at + 2] << 8) + this.bytes[at + 3];
  }

  /** An uncompressed name: compression pointers and extended label types are refused here. */
  name(what: string): void {
    let total = 0;
    for (;;) {
      const length = this.u8(what);
      if (length >= 0xc0) throw new WireInvalid(`the ${what} uses name compression, which RFC 3597 data may not`);
      if (length > 63) throw new WireInvalid(`the ${what} has a label of an unknown type (0x${length.toString(16)})`);
      total += length + 1;
      if (total > 255) throw new WireInvalid(`the ${what} is longer than 255 octets`);
      if (length === 0) return;
      this.take(length, what);
    }
  }

  /** One character-string: a length octet and that many octets. */
  charString(what: string): number {
    const length = this.u8(what);
    this.take(length, what);
    return length;
  }

  rest(): number {
    const count = this.remaining;
    this.pos = this.bytes.length;
    return count;
  }
}

export type WireCheck = (c: WireCursor) => void;

/** Runs the check for `type` over `wire`; returns a message when BIND would reject it. */
export function checkWire(check: WireCheck, wire: Uint8Array): string | undefined {
  const cursor = new WireCursor(wire);
  try {
    check(cursor);
  } catch (error) {
    if (error instanceof WireInvalid) return error.message;
    throw error;
  }
  if (cursor.remaining > 0) return `${cursor.remaining} octets of extra data after the end of the rdata`;
  return undefined;
}

export const fixed =
  (octets: number, what: string): WireCheck =>
  (c) => {
    c.take(octets, what);
  };

export const oneName: WireCheck = (c) => c.name('domain name');

export const numberAndName: WireCheck = (c) => {
  c.u16('16-bit number');
  c.name('domain name');
};

export const twoNames: WireCheck = (c) => {
  c.name('first name');
  c.name('second name');
};

/** One or more character-strings filling the rdata (TXT and its kin; BIND refuses an empty TXT). */
export const textStrings: WireCheck = (c) => {
  do c.charString('character-string');
  while (c.remaining > 0);
};

export const anything: WireCheck = (c) => {
  c.rest();
};

/** At least one octet of opaque data (hex or base64 fields that must not be empty). */
export function nonEmpty(what: string): WireCheck {
  return (c) => {
    if (c.rest() === 0) throw new WireInvalid(`the ${what} is empty`);
  };
}

export const soa: WireCheck = (c) => {
  c.name('MNAME');
  c.name('RNAME');
  c.take(20, 'SOA timers');
};

export const srv: WireCheck = (c) => {
  c.take(6, 'priority, weight and port');
  c.name('target name');
};

export const caa: WireCheck = (c) => {
  c.u8('flags');
  const tagLength = c.u8('tag length');
  if (tagLength === 0) throw new WireInvalid('the CAA tag is empty');
  const at = c.take(tagLength, 'tag');
  for (let i = at; i < at + tagLength; i++) {
    const b = c.bytes[i];
    if (!((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122))) throw new WireInvalid('the CAA tag has a character other than a letter or digit');
  }
  c.rest();
};

/** Digest lengths BIND checks for DS digest types. */
const DIGEST_LENGTHS: Readonly<Record<number, number>> = { 1: 20, 2: 32, 4: 48 };

export const ds: WireCheck = (c) => {
  c.take(3, 'key tag and algorithm');
  const digestType = c.u8('digest type');
  const digest = c.rest();
  const expected = DIGEST_LENGTHS[digestType];
  if (digest === 0) throw new WireInvalid('the digest is empty');
  if (expected !== undefined && digest !== expected) throw new WireInvalid(`a digest of type ${digestType} must be ${expected} octets, not ${digest}`);
};

export const dnskey: WireCheck = (c) => {
  c.take(4, 'flags, protocol and algorithm');
  if (c.rest() === 0) throw new WireInvalid('the public key is empty');
};

/** KEY: no key at all with both NOKEY bits set, otherwise a non-empty one. */
export const key: WireCheck = (c) => {
  const flags = c.u16('flags');
  c.take(2, 'protocol and algorithm');
  if ((flags & 0xc000) === 0xc000) return;
  if (c.rest() === 0) throw new WireInvalid('the public key is empty');
};

export const rkey: WireCheck = (c) => {
  if (c.u16('flags') !== 0) throw new WireInvalid('RKEY flags must be 0');
  c.take(2, 'protocol and algorithm');
  if (c.rest() === 0) throw new WireInvalid('the public key is empty');
};

export const rrsig: WireCheck = (c) => {
  c.take(18, 'fixed fields');
  c.name("signer's name");
  if (c.rest() === 0) throw new WireInvalid('the signature is empty');
};

/** RFC 4034 §4.1.2 window blocks: increasing windows, 1-32 octets each, the last octet of a block not zero. */
export function typeBitmap(c: WireCursor, allowEmpty: boolean): void {
  if (c.remaining === 0 && !allowEmpty) throw new WireInvalid('the type bitmap is empty');
  let lastWindow = -1;
  while (c.remaining > 0) {
    const window = c.u8('window number');
    const length = c.u8('bitmap length');
    if (window <= lastWindow) throw new WireInvalid('bitmap windows are not in increasing order');
    if (length === 0 || length > 32) throw new WireInvalid(`bitmap length ${length} is not between 1 and 32`);
    const at = c.take(length, 'bitmap');
    if (c.bytes[at + length - 1] === 0) throw new WireInvalid('a bitmap block ends with a zero octet');
    lastWindow = window;
  }
}

export const nsec: WireCheck = (c) => {
  c.name('next domain name');
  typeBitmap(c, false);
};

function nsec3Head(c: WireCursor): void {
  c.take(4, 'hash algorithm, flags and iterations');
  c.charString('salt');
}

export const nsec3param: WireCheck = nsec3Head;

export const nsec3: WireCheck = (c) => {
  const algorithm = c.bytes[0];
  nsec3Head(c);
  const hashLength = c.charString('next hashed owner name');
  if (hashLength === 0) throw new WireInvalid('the next hashed owner name is empty');
  if (algorithm === 1 && hashLength !== 20) throw new WireInvalid('a SHA-1 next hashed owner name must be 20 octets');
  typeBitmap(c, true);
};

export const csync: WireCheck = (c) => {
  c.take(6, 'serial and flags');
  typeBitmap(c, true);
};

export const zonemd: WireCheck = (c) => {
  c.take(5, 'serial and scheme');
  const algorithm = c.u8('hash algorithm');
  const digest = c.rest();
  const expected = algorithm === 1 ? 48 : algorithm === 2 ? 64 : undefined;
  if (digest < 12) throw new WireInvalid('the digest is shorter than 12 octets');
  if (expected !== undefined && digest !== expected) throw new WireInvalid(`a digest of hash algorithm ${algorithm} must be ${expected} octets, not ${digest}`);
};

export const nxt: WireCheck = (c) => {
  c.name('next domain name');
  const length = c.rest();
  if (length > 16) throw new WireInvalid('the NXT bitmap is longer than 16 octets');
  if (length > 0 && c.bytes[c.pos - 1] === 0) throw new WireInvalid('the NXT bitmap ends with a zero octet');
};

/** KEYDATA: BIND accepts empty rdata (a placeholder), otherwise times and a DNSKEY. */
export const keydata: WireCheck = (c) => {
  if (c.remaining === 0) return;
  c.take(16, 'times, flags, protocol and algorithm');
  if (c.rest() === 0) throw new WireInvalid('the public key is empty');
};

/** WKS: address, protocol, and a port bitmap of at most 8192 octets. */
export const wks: WireCheck = (c) => {
  c.take(5, 'address and protocol');
  if (c.rest() > 8192) throw new WireInvalid('the WKS bitmap is longer than 8192 octets');
};

export const x25: WireCheck = (c) => {
  if (c.charString('PSDN address') < 4) throw new WireInvalid('the PSDN address is shorter than 4 digits');
};

export const isdn: WireCheck = (c) => {
  c.charString('ISDN address');
  if (c.remaining > 0) c.charString('ISDN subaddress');
};

export const px: WireCheck = (c) => {
  c.u16('preference');
  c.name('MAP822 name');
  c.name('MAPX400 name');
};

export const gpos: WireCheck = (c) => {
  c.charString('longitude');
  c.charString('latitude');
  c.charString('altitude');
};

export const atma: WireCheck = (c) => {
  c.u8('format');
  if (c.rest() === 0) throw new WireInvalid('the ATM address is empty');
};

export const naptr: WireCheck = (c) => {
  c.take(4, 'order and preference');
  c.charString('flags');
  c.charString('services');
  c.charString('regexp');
  c.name('replacement');
};

export const cert: WireCheck = (c) => {
  c.take(5, 'type, key tag and algorithm');
  if (c.rest() === 0) throw new WireInvalid('the certificate is empty');
};

/** A6: the prefix length (0-128) decides how many suffix octets follow and whether a prefix name does. */
export const a6: WireCheck = (c) => {
  const prefixLength = c.u8('prefix length');
  if (prefixLength > 128) throw new WireInvalid(`prefix length ${prefixLength} is over 128`);
  const octets = 16 - (prefixLength >> 3);
  if (prefixLength < 128) {
    const at = c.take(octets, 'address suffix');
    if ((c.bytes[at] & ~(0xff >> (prefixLength & 7)) & 0xff) !== 0) throw new WireInvalid('the address suffix has bits set inside the prefix');
  }
  if (prefixLength > 0) c.name('prefix name');
};

export const sink: WireCheck = (c) => {
  c.take(3, 'meaning, coding and subcoding');
  c.rest();
};

/** APL items: family, prefix, then the address with trailing zero octets removed (RFC 3123 §4). */
export const apl: WireCheck = (c) => {
  while (c.remaining > 0) {
    const family = c.u16('address family');
    const prefix = c.u8('prefix');
    const length = c.u8('address length') & 0x7f;
    const max = family === 1 ? 4 : family === 2 ? 16 : 127;
    if ((family === 1 && prefix > 32) || (family === 2 && prefix > 128)) throw new WireInvalid(`prefix ${prefix} is too long for address family ${family}`);
    if (length > max) throw new WireInvalid(`address length ${length} is too long for address family ${family}`);
    const at = c.take(length, 'address');
    if (length > 0 && c.bytes[at + length - 1] === 0) throw new WireInvalid('an APL address ends with a zero octet');
  }
};

export const sshfp: WireCheck = (c) => {
  c.u8('algorithm');
  const type = c.u8('fingerprint type');
  const length = c.rest();
  if (length === 0) throw new WireInvalid('the fingerprint is empty');
  if (type === 1 && length !== 20) throw new WireInvalid('a SHA-1 fingerprint must be 20 octets');
  if (type === 2 && length !== 32) throw new WireInvalid('a SHA-256 fingerprint must be 32 octets');
};

/** The gateway of IPSECKEY or relay of AMTRELAY by type: none, IPv4, IPv6, a name; other types are opaque. */
function gateway(c: WireCursor, type: number): void {
  if (type === 1) c.take(4, 'IPv4 address');
  else if (type === 2) c.take(16, 'IPv6 address');
  else if (type === 3) c.name('gateway name');
}

export const ipseckey: WireCheck = (c) => {
  c.u8('precedence');
  const type = c.u8('gateway type');
  if (type > 3) throw new WireInvalid(`gateway type ${type} is not 0 to 3`);
  c.u8('algorithm');
  gateway(c, type);
  c.rest();
};

export const tlsa: WireCheck = (c) => {
  c.take(3, 'usage, selector and matching type');
  if (c.rest() === 0) throw new WireInvalid('the certificate association data is empty');
};

export const hip: WireCheck = (c) => {
  const hitLength = c.u8('HIT length');
  c.u8('algorithm');
  const keyLength = c.u16('public key length');
  if (hitLength === 0) throw new WireInvalid('the HIT is empty');
  if (keyLength === 0) throw new WireInvalid('the public key is empty');
  c.take(hitLength, 'HIT');
  c.take(keyLength, 'public key');
  while (c.remaining > 0) c.name('rendezvous server');
};

export const dsync: WireCheck = (c) => {
  c.take(5, 'type, scheme and port');
  c.name('target');
};

export const doa: WireCheck = (c) => {
  c.take(9, 'enterprise, type and location');
  c.charString('media type');
  c.rest();
};

export const amtrelay: WireCheck = (c) => {
  c.u8('precedence');
  const type = c.u8('relay type') & 0x7f;
  if (type > 3) {
    c.rest();
    return;
  }
  gateway(c, type);
};
