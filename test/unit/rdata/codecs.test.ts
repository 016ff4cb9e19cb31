// The text of an IPv6 address as AAAA data gives it (RFC 5952: lower case, no leading zeros, the longest run of
// two or more zero groups, the first of equals, written `::`), checked against the WHATWG URL serializer in Node,
// which writes IPv6 hosts by the same rules.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIpv6 } from '../../../server/src/core/zone/rdata/codecs';

function expanded(bytes: Uint8Array): string {
  const groups: string[] = [];
  for (let g = 0; g < 8; g++) groups.push(((bytes[2 * g] << 8) | bytes[2 * g + 1]).toString(16));
  return groups.join(':');
}

describe('formatIpv6', () => {
  const CASES: ReadonlyArray<readonly [string, string]> = [
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:db8:0:0:0:0:0:0', '2001:db8::'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6'],
    ['0:0:0:0:0:ffff:c000:201', '::ffff:c000:201'],
  ];
  for (const [written, text] of CASES) {
    it(`${written} is ${text}`, () => {
      const bytes = new Uint8Array(16);
      written.split(':').forEach((group, g) => {
        const value = parseInt(group, 16);
        bytes[2 * g] = value >> 8;
        bytes[2 * g + 1] = value & 0xff;
      });
      assert.equal(formatIpv6(bytes, 0), text);
    });
  }

  it('writes any address as the URL serializer does, at any offset', () => {
    // Zero groups are made common, or runs of them would almost never be drawn.
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.nat({ max: 4 }), (groups, offset) => {
        const bytes = new Uint8Array(offset + 16);
        groups.forEach((value, g) => {
          bytes[offset + 2 * g] = value >> 8;
          bytes[offset + 2 * g + 1] = value & 0xff;
        });
        const expected = new URL(`http://[${expanded(bytes.subarray(offset))}]/`).hostname.slice(1, -1);
        assert.equal(formatIpv6(bytes, offset), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
