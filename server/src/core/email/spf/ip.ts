// IP addresses as SPF needs them: strict parsing of `ip4:`/`ip6:` networks (RFC 7208 §5.6), lenient parsing of
// the client address, prefix matching, and the text forms the `%{i}` and `%{c}` macros expand to (§7.3).

/** An address as its octets: 4 for IPv4, 16 for IPv6. */
export type IpAddress = Uint8Array;

/**
 * Parses a dotted quad as RFC 7208 §12 `ip4-network` allows it: four numbers 0-255 without leading zeros.
 * Returns undefined when the text is anything else.
 */
export function parseIPv4Strict(text: string): IpAddress | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i];
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    octets[i] = value;
  }
  return octets;
}

/** Parses an IPv6 address in RFC 4291 §2.2 text form (hex groups, one `::`, an optional trailing dotted quad). */
export function parseIPv6(text: string): IpAddress | undefined {
  if (text.length === 0 || text.length > 45) return undefined;
  const doubleColon = text.indexOf('::');
  if (doubleColon >= 0 && text.indexOf('::', doubleColon + 1) >= 0) return undefined;
  const head = doubleColon >= 0 ? text.slice(0, doubleColon) : text;
  const tail = doubleColon >= 0 ? text.slice(doubleColon + 2) : '';
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  // An embedded dotted quad is only allowed as the last group of the whole address, never before a `::`.
  const headWords = groupsToWords(headGroups, doubleColon < 0);
  const tailWords = groupsToWords(tailGroups, true);
  if (headWords === undefined || tailWords === undefined) return undefined;
  const total = headWords.length + tailWords.length;
  if (doubleColon < 0 ? total !== 8 : total > 7) return undefined;
  const words = [...headWords, ...new Array<number>(8 - total).fill(0), ...tailWords];
  const octets = new Uint8Array(16);
  words.forEach((word, i) => {
    octets[2 * i] = word >> 8;
    octets[2 * i + 1] = word & 0xff;
  });
  return octets;
}

/**
 * Parses the connecting client's address. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is the IPv4 address
 * it carries: RFC 7208 §5 treats such a connection as IPv4 only.
 */
export function parseClientIp(text: string): IpAddress | undefined {
  const v4 = parseIPv4Lenient(text);
  if (v4 !== undefined) return v4;
  const v6 = parseIPv6(text);
  if (v6 === undefined) return undefined;
  const mapped = v6.slice(0, 10).every((octet) => octet === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? v6.slice(12) : v6;
}

/** True when the first `prefix` bits of `address` and `network` agree; addresses of different families never match. */
export function inNetwork(address: IpAddress, network: IpAddress, prefix: number): boolean {
  if (address.length !== network.length) return false;
  let bits = prefix;
  for (let i = 0; i < address.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address[i] & mask) !== (network[i] & mask)) return false;
  }
  return true;
}

/** The readable form: a dotted quad, or RFC 5952 compressed lowercase IPv6 (the `%{c}` macro). */
export function formatIp(address: IpAddress): string {
  if (address.length === 4) return Array.from(address).join('.');
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((address[i] << 8) | address[i + 1]);
  // RFC 5952 §4.2: compress the longest run of two or more zero words, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number): string => words.slice(from, to).map((word) => word.toString(16)).join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** The `%{i}` form: a dotted quad, or the 32 nibbles of an IPv6 address separated by dots (RFC 7208 §7.3). */
export function dottedIp(address: IpAddress): string {
  if (address.length === 4) return Array.from(address).join('.');
  const nibbles: string[] = [];
  for (const octet of address) nibbles.push((octet >> 4).toString(16), (octet & 0xf).toString(16));
  return nibbles.join('.');
}

/** The reverse-mapping name of an address (`in-addr.arpa` or `ip6.arpa`), without the trailing dot. */
export function reverseName(address: IpAddress): string {
  const labels = dottedIp(address).split('.').reverse().join('.');
  return `${labels}.${address.length === 4 ? 'in-addr' : 'ip6'}.arpa`;
}

function groupsToWords(groups: readonly string[], mayEndWithIPv4: boolean): number[] | undefined {
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (group.includes('.')) {
      if (!mayEndWithIPv4 || i !== groups.length - 1) return undefined;
      const v4 = parseIPv4Strict(group);
      if (v4 === undefined) return undefined;
      words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    words.push(parseInt(group, 16));
  }
  return words;
}

/** A dotted quad for the client address; leading zeros are tolerated because the MTA, not a record, wrote it. */
function parseIPv4Lenient(text: string): IpAddress | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return Uint8Array.from(octets);
}
