// Hover text for zone files: what a record type is, and what a name resolves to among the zones of the workspace
// (answered from the files, never from DNS, so a hover is instant and sends no query); elsewhere in the data of an
// SPF, DMARC or DKIM record, the term under the cursor and that record's lookup tree (from the lint's cached
// analysis) or its decoded key.

import type { Span } from '../types';
import type { WorkspaceView } from '../workspace/view';
import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { className } from '../zone/rrtypes';
import { dkimHoverAt } from './dkimHover';
import type { ZoneItem } from './locate';
import { itemAt } from './locate';
import { rdataText, recordTypeName } from './presentation';
import { spfHoverAt } from './spfHover';
import { termHoverAt } from './termHover';
import { TYPE_INFO } from './typeInfo';

export interface HoverText {
  readonly span: Span;
  /** Markdown. */
  readonly markdown: string;
}

/** The most records a name hover lists; the rest are counted. */
const MAX_LISTED_RECORDS = 20;

/**
 * The hover an editor shows: the named item at the offset (owner, type, target, SPF domain, `$INCLUDE` file), else,
 * in the data of a mail record, the SPF term, DMARC tag or DKIM tag under the cursor above a rule and then the
 * record's decoded key or lookup tree. The SPF tree comes from the lookup analysis the lint already ran (cached), so
 * it asks DNS nothing new after the first check.
 */
export async function editorHoverAt(input: { zone: Zone; filePath: string; offset: number; workspace: WorkspaceView }): Promise<HoverText | undefined> {
  const named = hoverAt(input);
  if (named !== undefined) return named;
  return stacked(termHoverAt(input), dkimHoverAt(input) ?? (await spfHoverAt(input)));
}

/**
 * The term's hover above the record's, over the term's span: the term is what the cursor points at, so moving to
 * the next term asks for a new hover.
 */
function stacked(term: HoverText | undefined, record: HoverText | undefined): HoverText | undefined {
  if (term === undefined || record === undefined) return term ?? record;
  return { span: term.span, markdown: `${term.markdown}\n\n---\n\n${record.markdown}` };
}

/** The hover of the named item at the offset, if any. */
export function hoverAt(input: { zone: Zone; filePath: string; offset: number; workspace: WorkspaceView }): HoverText | undefined {
  const item = itemAt(input.zone, input.filePath, input.offset);
  if (item === undefined) return undefined;
  return { span: item.span, markdown: describe(item, input.workspace) };
}

function describe(item: ZoneItem, workspace: WorkspaceView): string {
  switch (item.kind) {
    case 'type':
      return describeType(item.record);
    case 'owner':
      return describeName(item.name, workspace);
    case 'target':
      return describeName(item.name, workspace);
    case 'spf-domain':
      return `SPF \`${item.term}\` domain\n\n${describeName(item.name, workspace)}`;
    case 'include':
      return item.directive.loaded
        ? `\`$INCLUDE\` reads \`${item.directive.target}\` into this zone.`
        : `\`$INCLUDE\` of \`${item.directive.target}\`: the file was not read (see the zone-include problem).`;
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

function describeType(record: ResourceRecord): string {
  const name = recordTypeName(record);
  const info = TYPE_INFO[name];
  const heading = `**${name}** record (type ${record.type}), TTL ${record.ttl}, class ${className(record.rrclass)}`;
  return info === undefined ? heading : `${heading}\n\n${info.summary} (${info.rfc})`;
}

/** What a name holds in the workspace: its records, or why there are none. */
function describeName(name: string, workspace: WorkspaceView): string {
  const zone = workspace.zoneFor(name);
  if (zone === undefined) return `\`${name}\`\n\nNot in any zone of this workspace.`;
  const records = recordsAt(zone, name);
  if (records.length === 0) return `\`${name}\`\n\nNo records at this name in zone \`${zone.origin}\`.`;
  const lines = records.slice(0, MAX_LISTED_RECORDS).map((record) => `${record.ttl} ${recordTypeName(record)} ${rdataText(record)}`);
  if (records.length > MAX_LISTED_RECORDS) lines.push(`; … and ${records.length - MAX_LISTED_RECORDS} more`);
  const count = records.length === 1 ? '1 record' : `${records.length} records`;
  return `\`${name}\`: ${count} in zone \`${zone.origin}\`\n\n\`\`\`dns-zone\n${lines.join('\n')}\n\`\`\``;
}
