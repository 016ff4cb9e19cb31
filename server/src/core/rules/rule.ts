// What a rule is: its metadata (id, default severity, summary, docs page) and, for rules that look at parsed
// records, a check. Rules whose problems the parser finds while reading (zone-syntax, zone-bad-ttl, ...) have no
// check: the parser reports under their id, and the rule file holds their metadata and documentation link.

import type { Fix } from '../edit/textEdit';
import type { Finding, Location, RelatedInformation, Severity } from '../types';
import type { Zone } from '../zone/model';
import type { WorkspaceView } from '../workspace/view';

export interface RuleMeta {
  /** Stable id from shared/spec/rules.md, e.g. `spf-lookup-limit`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, used in SARIF's short description and the README's rule list. */
  readonly summary: string;
}

export interface RuleReport {
  readonly location: Location;
  readonly message: string;
  /** Defaults to the rule's default severity; a rule may grade a case differently (spf-permissive-all for `?all`). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedInformation[];
  /**
   * Ways to fix the finding as plain text edits; the engine adds "Disable <id> for this line" to every finding. A
   * rule that can report a finding on every record of a zone passes a function instead, so the edits are built only
   * when an editor asks for them (the CLI never does).
   */
  readonly fixes?: readonly Fix[] | (() => readonly Fix[]);
}

export interface RuleContext {
  readonly zone: Zone;
  /** The other zones of the workspace and the resolver that answers from them first. */
  readonly workspace: WorkspaceView;
  report(report: RuleReport): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Absent for rules the parser reports while reading. */
  readonly check?: (context: RuleContext) => void | Promise<void>;
  /** For a rule the parser reports: the fixes of one of its findings, read from the zone and the source text. */
  readonly fixParseFinding?: (finding: Finding, zone: Zone) => readonly Fix[];
}

/** Where each rule's documentation page lives, relative to the project root and as a link. */
export const DOCS_BASE_URL = 'https://github.com/zonelint/zonelint/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
