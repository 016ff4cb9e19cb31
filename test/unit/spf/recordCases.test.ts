// The SPF records of `_combined/record-cases.jsonl` (RFC 7208 suite records and mox's parser cases): `error`
// records must give an error from the parser, `ok-syntax` records none.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../corpora';
import { parseSpf } from '../../../server/src/core/email/spf/parse';

interface RecordCase {
  readonly kind: string;
  readonly record: string;
  readonly expect: string;
  readonly source: string;
  readonly source_id: string;
  readonly note: string | null;
  /** The record's octets when it is not plain ASCII. */
  readonly record_bytes_hex?: string;
}

const cases = readFileSync(corpusPath('_combined', 'record-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordCase)
  .filter((entry) => entry.kind === 'spf');

describe('combined SPF record cases', () => {
  it('has the cases the corpus README counts', () => {
    assert.equal(cases.filter((entry) => entry.expect === 'error').length, 83);
    assert.equal(cases.filter((entry) => entry.expect === 'ok-syntax').length, 120);
  });

  for (const entry of cases) {
    // Records as octets (one char per octet), the way the zone reader hands TXT strings over.
    const text = entry.record_bytes_hex === undefined ? entry.record : Buffer.from(entry.record_bytes_hex, 'hex').toString('latin1');
    const title = `${entry.expect}: ${entry.source_id} ${JSON.stringify(text)}`;
    switch (entry.expect) {
      case 'error':
        it(title, () => assert.ok(parseSpf(text).errors.length > 0, 'expected a syntax error'));
        break;
      case 'ok-syntax':
        it(title, () => assert.deepEqual(parseSpf(text).errors, []));
        break;
      case 'disputed':
        // mox accepts single-label targets (`a:x`); RFC 7208 §7.1 domain-end rejects them, and so do we.
        it(title, () => assert.ok(parseSpf(text).errors.some((error) => /fully qualified/.test(error.message))));
        break;
      default:
        it(title, () => assert.fail(`unknown expectation ${entry.expect}`));
    }
  }
});
