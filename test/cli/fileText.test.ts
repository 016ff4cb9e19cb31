// Reading zone files from disk: the ASCII shortcut must give exactly what UTF-8 decoding gives.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readZoneText } from '../../server/src/fileText';

describe('readZoneText', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonelint-text-'));
  const cases: [string, Buffer][] = [
    ['plain ASCII', Buffer.from('@ TXT "v=spf1 -all"\n', 'latin1')],
    ['UTF-8 beyond ASCII', Buffer.from('; café ✉\n@ TXT "é"\n', 'utf8')],
    ['bytes that are not UTF-8', Buffer.from([0x40, 0x20, 0x54, 0x58, 0x54, 0x20, 0x22, 0xe9, 0x22, 0x0a])],
    ['an empty file', Buffer.alloc(0)],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.zone`);
      writeFileSync(file, bytes);
      assert.equal(readZoneText(file), bytes.toString('utf8'));
    });
  }
});
