// The conformance corpora as cases: BIND's own checkzone zones (origin and flags from the manifest) and NSD's
// test zones (origin inferred the way zonelint infers it, so both tools read the same zone).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inferOrigin } from '../../server/src/core/zone/origin';
import { corpusPath } from '../corpora';
import type { ConformanceCase } from './oracle';
import { settingsForFlags } from './oracle';

/** Flags of newer BIND versions that 9.18's named-checkzone does not know. */
const NEWER_FLAGS = new Set(['-P', '-R']);

interface BindManifestFile {
  readonly file: string;
  readonly expect: string;
  readonly checkzone_args?: string;
}

export function bindCheckzoneCases(): ConformanceCase[] {
  const root = corpusPath('bind9');
  const manifest = JSON.parse(readFileSync(corpusPath('bind9', 'checkzone', 'manifest.json'), 'utf8')) as { zone_origin_default: string; files: BindManifestFile[] };
  const cases: ConformanceCase[] = [];
  for (const entry of manifest.files) {
    // Raw (binary) zones, Jinja templates and include fragments are not master files to check on their own.
    if (entry.file.endsWith('.raw') || entry.file.endsWith('.j2') || entry.expect === 'include-fragment') continue;
    const words = (entry.checkzone_args ?? manifest.zone_origin_default).split('|')[0].trim().split(/\s+/);
    const origin = words[words.length - 1];
    const flags: string[] = [];
    for (let i = 0; i < words.length - 1; i++) {
      if (NEWER_FLAGS.has(words[i])) {
        if (words[i] === '-R') i++;
        continue;
      }
      if (words[i] === '-D') continue;
      flags.push(words[i]);
    }
    if (!flags.includes('-i')) flags.push('-i', 'local');
    cases.push({
      id: path.join('bind9', entry.file),
      file: path.join(root, entry.file),
      origin,
      checkzoneFlags: flags,
      cwd: path.join(root, 'checkzone'),
      settings: settingsForFlags(flags),
    });
  }
  return cases;
}

interface NsdManifestFile {
  readonly file: string;
}

export function nsdCases(): ConformanceCase[] {
  const root = corpusPath('nsd-tpkg');
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { files: NsdManifestFile[] };
  return manifest.files.map((entry) => {
    const file = path.join(root, entry.file);
    const guess = inferOrigin({ filePath: file, text: readFileSync(file, 'utf8'), mappings: {} });
    const flags = ['-i', 'local'];
    return {
      id: path.join('nsd-tpkg', entry.file),
      file,
      origin: guess.origin ?? '.',
      checkzoneFlags: flags,
      cwd: path.dirname(file),
      settings: settingsForFlags(flags),
    };
  });
}
