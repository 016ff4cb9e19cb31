// Finds the zone files of the workspace folders in the background and loads them into the core's workspace, so
// checks that reach into other zones (an `include:` target, an MX host) work without opening every file. Reading
// is asynchronous and yields between files, so requests keep being answered while a large tree loads.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { looksLikeZoneText, SKIPPED_FOLDERS, ZONE_SNIFF_BYTES, zoneFileKind } from './core/services/zoneFiles';

/** The zone files below a folder, by name, and for the ambiguous names (`db.*`, `*.db`) by their first bytes. */
export async function findZoneFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const kind = zoneFileKind(entry.name);
      if (kind === 'zone' || (kind === 'sniff' && looksLikeZoneText(await readHead(full)))) found.push(full);
    }
  };
  await walk(folder);
  return found;
}

/** Whether a path (created or changed on disk) is a zone file the index keeps. */
export async function isZoneFile(filePath: string): Promise<boolean> {
  const kind = zoneFileKind(path.basename(filePath));
  return kind === 'zone' || (kind === 'sniff' && looksLikeZoneText(await readHead(filePath)));
}

/** Reads each file and hands its text to `load`, telling `progress` how far it got every few files. */
export async function loadFiles(input: { files: readonly string[]; load: (filePath: string, text: string) => void; progress?: (done: number, total: number) => void }): Promise<void> {
  let done = 0;
  for (const filePath of input.files) {
    const text = await readText(filePath);
    if (text !== undefined) input.load(filePath, text);
    done++;
    if (done % 25 === 0) input.progress?.(done, input.files.length);
  }
}

export async function readText(filePath: string): Promise<string | undefined> {
  try {
    return await fs.readFile(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

async function readHead(filePath: string): Promise<string> {
  let handle;
  try {
    handle = await fs.open(filePath, 'r');
    const buffer = Buffer.alloc(ZONE_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, ZONE_SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}
