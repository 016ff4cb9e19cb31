// The `{|}` cursor marker of the service tests (not `$0`, because `$` starts zone directives), and the zone of a
// marked text with the marker removed.

import type { Zone } from '../../server/src/core/zone/model';
import { zoneOf } from '../fixes/harness';

export const HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 192.0.2.53\n';

export function atCursor(marked: string): { text: string; offset: number; zone: Zone } {
  const offset = marked.indexOf('{|}');
  if (offset < 0) throw new Error(`no {|} cursor in ${marked}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 3);
  return { text, offset, zone: zoneOf(text) };
}
