// Which files of a folder are zone files: the naming conventions of the editor's language association, with a
// look at the head of the file for names that other databases use too (`db.*`, `*.db`).

/** How far into a file the sniffing looks. */
export const ZONE_SNIFF_BYTES = 4096;

/** Folders never searched for zone files: dependencies, version control and caches. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.cache']);

export type ZoneFileKind =
  /** A zone file by its name alone (`*.zone`). */
  | 'zone'
  /** Possibly a zone file (`db.*`, `*.db`, or a name an origin mapping names): look at its head. */
  | 'sniff'
  | 'other';

export function zoneFileKind(fileName: string): ZoneFileKind {
  if (/\.zone$/i.test(fileName)) return 'zone';
  if (/^db\./i.test(fileName) || /\.db$/i.test(fileName)) return 'sniff';
  return 'other';
}

/** True when the head of a file (read as latin1) looks like a zone file: a directive or an SOA, and no NUL byte. */
export function looksLikeZoneText(head: string): boolean {
  if (head.includes('\0')) return false;
  return /^\$(ORIGIN|TTL|INCLUDE|GENERATE)\b/im.test(head) || /\sSOA[\s(]/i.test(head);
}
