// Entry extents noted by the parser for files with suppression comments must be exactly what lexing the file again
// gives, or a disable-next-line comment would cover the wrong record.

import assert from 'node:assert/strict';
import { SourceFile } from '../../../server/src/core/types';
import { extentsOf } from '../../../server/src/core/zone/extents';
import { entryExtents } from '../../../server/src/core/zone/lexer';
import { parseZone } from '../../../server/src/core/zone/parser';

const HOST = { readFile: () => undefined, mayRead: () => false };

function parsedFile(text: string): SourceFile {
  const file = new SourceFile('/zones/example.com.zone', text);
  parseZone({ file, origin: 'example.com.', originSource: 'option', host: HOST, generateLimit: 100 });
  return file;
}

describe('entry extents', () => {
  const zone = [
    '$TTL 300',
    '@ SOA ns1 hostmaster ( 1 7200',
    '   3600 1209600 300 ) ; a comment inside no entry',
    '; zonelint-disable-next-line zone-check-names',
    'bad_name A 192.0.2.1',
    'txt TXT ( "one"',
    '          "two" )',
    'broken A (',
    'after A 192.0.2.2',
    '',
  ].join('\n');

  it('the parser notes the extents of a file with a disable-next-line comment, as the lexer gives them', () => {
    const file = parsedFile(zone);
    assert.deepEqual(extentsOf(file), entryExtents(zone));
    assert.ok(extentsOf(file).some((extent) => /^txt TXT \( "one"\s+"two"$/.test(zone.slice(extent.start, extent.end))), 'a record over two lines is one extent');
  });

  it('a file without such comments gets its extents by lexing when asked', () => {
    const text = zone.replace('; zonelint-disable-next-line zone-check-names\n', '');
    assert.deepEqual(extentsOf(parsedFile(text)), entryExtents(text));
  });
});
