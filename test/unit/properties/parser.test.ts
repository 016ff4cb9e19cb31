// Property tests of the zone reader through the core: for random text, token soup and mutated realistic zones,
// parsing and linting never throw, every span stays inside its file, and the work grows linearly with the input.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertWellFormed, INCLUDED, LINEAR_BOUND, lintText, SNIPPETS, tenfoldCost } from './harness';

/** Characters that steer the lexer into its special cases, plus some that are simply unusual. */
const SPECIAL_CHARACTERS = ['(', ')', '"', '\\', ';', '\n', '\r', '\r\n', '\0', ' ', '\t', '$', '@', '.', 'é', '\u{1F600}', '\uD800', '\uFFFD', '\u00A0'];

/** Tokens that reach deeper into the grammar than single characters do. */
const TOKENS = [
  ...SPECIAL_CHARACTERS,
  '$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE', '$DATE', '$FOO', 'IN', 'CH', 'CLASS1', 'A', 'AAAA', 'TXT', 'SOA', 'MX', 'NS', 'CNAME',
  'SRV', 'CAA', 'TYPE65400', 'DS', '3600', '1h30', '1h30m', '4294967296', '2147483648', 'www', 'example.com.', '*.example.com.',
  '192.0.2.1', '2001:db8::1', '\\#', '4', 'c0000201', '\\065', '\\256', '\\.', '1-10', '0-4294967295', '${0,3,d}', '${0,3,q}',
  'v=spf1', 'include:spf.protection.outlook.com', '-all', 'v=DMARC1;', 'p=none', 'v=DKIM1;', 'k=rsa;', 'p=MIGfMA0G',
  'example.com.zone', 'included.zone', '/etc/passwd', '; zonelint-disable-next-line zone-syntax\n', '; zonelint-disable zone-bad-ttl\n',
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).chain((tokens) =>
  fc.array(fc.constantFrom(' ', '\t', '\n', ''), { minLength: tokens.length, maxLength: tokens.length }).map((gaps) => tokens.map((token, i) => token + gaps[i]).join('')),
);

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

const insertion = fc.oneof(fc.constantFrom(...SPECIAL_CHARACTERS), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

/** Applies mutations in order; positions are taken modulo the current length, so every mutation applies. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    switch (m.kind) {
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'duplicate':
        out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
        break;
      default: {
        const unreachable: never = m;
        throw new Error(`unknown mutation ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return out;
}

const mutatedSnippet = fc
  .tuple(fc.subarray([...SNIPPETS], { minLength: 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([parts, mutations]) => mutate(parts.join(''), mutations));

/** Text of every kind the properties run on. */
const anyZoneText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL_CHARACTERS, 'a', '1'), maxLength: 200 }),
  tokenSoup,
  mutatedSnippet,
);

describe('zone reader properties', function () {
  this.timeout(120000);

  it('never throws and keeps every span inside its file, for random, token-soup and mutated text', async () => {
    await fc.assert(
      fc.asyncProperty(anyZoneText, async (text) => {
        assertWellFormed(await lintText(text, INCLUDED));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps spans inside included files when the included file is the mutated one', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSnippet, async (included) => {
        const linted = await lintText(`$TTL 3600\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n$INCLUDE included.zone\n`, { '/zones/included.zone': included });
        assertWellFormed(linted);
        assert.equal(linted.zone.files.length, 2, 'the included file is read once');
      }),
      { numRuns: 150 },
    );
  });

  it('reads nothing outside the workspace, whatever the $INCLUDE lines say', async () => {
    await fc.assert(
      fc.asyncProperty(anyZoneText, async (text) => {
        const linted = await lintText(text, INCLUDED);
        for (const read of linted.reads) assert.ok(read.startsWith('/zones/'), `read ${read}`);
        for (const file of linted.zone.files) assert.ok(file.path.startsWith('/zones/'), `zone file ${file.path}`);
      }),
      { numRuns: 200 },
    );
  });

  it('does linear work: ten copies of an input take less than 30 times as long as one', async () => {
    // Each input is first repeated to at least 50k characters, so the single copy takes long enough to time;
    // a quadratic step (rescanning after an unclosed quote or paren, pairing findings with suppressions) would
    // make ten copies cost a hundred times more.
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedSnippet, tokenSoup), async (sample) => {
        const { single, tenfold, ratio } = await tenfoldCost(sample.length === 0 ? 'www A 192.0.2.1\n' : sample, 50000);
        assert.ok(ratio < LINEAR_BOUND, `10x input took ${tenfold.toFixed(1)} ms, 1x took ${single.toFixed(1)} ms (${JSON.stringify(sample.slice(0, 120))})`);
      }),
      { numRuns: 25, interruptAfterTimeLimit: 90000 },
    );
  });
});
