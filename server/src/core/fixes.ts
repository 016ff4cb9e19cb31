// Fixes across findings: fix-all (every safe preferred fix, merged without overlaps) and the SOA serial bump that
// follows an edit of a zone when the user asks for it.

import { bumpSerialEdit } from './edit/serial';
import type { Fix, TextEdit } from './edit/textEdit';
import { editsOverlap } from './edit/textEdit';
import type { Diagnostic } from './lint';
import type { Zone } from './zone/model';

/**
 * The edits of every safe preferred fix of the diagnostics, in their order. A fix shared by several findings (one
 * merge for each record it merges) counts once; a fix that touches text an earlier one edits waits for the next run,
 * when its finding, if still there, gets a fix made for the new text.
 */
export function fixAll(diagnostics: readonly Diagnostic[]): { readonly edits: TextEdit[]; readonly fixes: Fix[] } {
  const edits: TextEdit[] = [];
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes.find((candidate) => candidate.isPreferred === true);
    if (fix === undefined || fix.safe !== true || fix.edits.length === 0 || fix.command !== undefined) continue;
    const key = fixKey(fix);
    if (seen.has(key)) continue;
    if (fix.edits.some((edit) => edits.some((taken) => editsOverlap(edit, taken)))) continue;
    seen.add(key);
    fixes.push(fix);
    edits.push(...fix.edits);
  }
  return { edits, fixes };
}

/**
 * The edits with a serial bump added for every zone they change (once per zone, and not when they already edit
 * the serial). `zones` are the workspace's zones; an edit changes a zone when it is in one of the zone's files.
 */
export function withSerialBumps(options: { edits: readonly TextEdit[]; zones: readonly Zone[]; now: Date }): TextEdit[] {
  const out = [...options.edits];
  for (const zone of options.zones) {
    if (!options.edits.some((edit) => zone.files.some((file) => file.path === edit.file.path))) continue;
    const bump = bumpSerialEdit(zone, options.now);
    if (bump === undefined || out.some((edit) => editsOverlap(edit, bump))) continue;
    out.push(bump);
  }
  return out;
}

function fixKey(fix: Fix): string {
  return fix.edits.map((edit) => `${edit.file.path}:${edit.span.start}-${edit.span.end}:${edit.newText}`).join('\n');
}
