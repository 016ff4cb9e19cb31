// The custom messages between the zonelint client and server, typed once for both sides (LSP's own messages
// come from vscode-languageserver/-client). Any LSP client may ignore them. The `zonelint.generate` command runs
// through LSP's own workspace/executeCommand; its argument and answer are typed beside the code that makes them
// (core/generators/requests.ts, codeActions.ts).

import type { SpfEvaluation } from './core/email/spf/evaluate';

/** Sent by the client in `initialize`. */
export interface InitializationOptions {
  /**
   * False in an untrusted VS Code workspace: the server then sends no DNS query and reads no `$INCLUDE`d file.
   * Clients without workspace trust leave it out, which means trusted.
   */
  readonly trusted?: boolean;
  /** The `zonelint` settings, for clients that do not answer `workspace/configuration`. */
  readonly settings?: unknown;
}

/** Server to client, after each check of a zone: what the status bar shows for the documents of that zone. */
export const ZONE_STATUS_NOTIFICATION = 'zonelint/zoneStatus';

export interface ZoneStatusParams {
  /** The open document this status belongs to (a zone file, or a file the zone `$INCLUDE`s). */
  readonly uri: string;
  /** The zone's origin, absolute; null when it could not be determined. */
  readonly origin: string | null;
  /** How the origin was found: `$ORIGIN`, `SOA owner`, `file name`, `config`, `option` or `unknown`. */
  readonly originSource: string;
  readonly recordCount: number;
  /** The DNS lookups the SPF record at the zone's apex needs, worst case (RFC 7208 §4.6.4); null when it has none. */
  readonly spfLookups: SpfLookupCount | null;
}

export interface SpfLookupCount {
  readonly count: number;
  /** The limit, 10. */
  readonly limit: number;
  /** False when some target was not resolved (DNS off, say): the count is then a lower bound. */
  readonly complete: boolean;
}

/**
 * Client to server: run RFC 7208 check_host() for one sender over the session's resolver (the workspace zones
 * first, then DNS as the settings and workspace trust allow), as `zonelint spf` does. Answered with null when the
 * check could not run (the server logs why).
 */
export const CHECK_SPF_REQUEST = 'zonelint/checkSpf';

export interface CheckSpfParams {
  /** The connecting client's IPv4 or IPv6 address; anything else is answered with a permerror. */
  readonly ip: string;
  /** The MAIL FROM address (`user@domain`); empty for a bounce, when the HELO name is checked instead. */
  readonly mailFrom: string;
  /** The HELO/EHLO name; also `%{h}` in macros. */
  readonly helo: string;
}

/** The evaluation as the core returns it: result, explanation, the two counts and the trace (plain JSON). */
export type CheckSpfResult = SpfEvaluation;
