// The generator requests as the editor sends them (types and command ids only, no code), shared by the server and
// the VS Code client, which imports this file without pulling in the analysis core.

/** A DMARC policy stage, as the requests name it. */
export type PolicyStage = 'none' | 'quarantine' | 'reject';

/** What to generate; the domain and zone come with the request's document and position. */
export type GeneratorRequest =
  | { readonly kind: 'dmarc'; readonly policy: PolicyStage; readonly reportAddress?: string }
  | { readonly kind: 'spf' }
  | { readonly kind: 'microsoft365-dkim'; readonly input: string }
  | { readonly kind: 'dkim-key'; readonly selector: string; readonly input: string }
  | { readonly kind: 'no-mail' }
  | { readonly kind: 'bump-serial' };

/** The argument of the server's `zonelint.generate` command. */
export interface GenerateParams {
  readonly uri: string;
  /** The cursor: the mail domain is the one the record there belongs to (the zone's origin elsewhere). */
  readonly position: { readonly line: number; readonly character: number };
  /** The mail domain, absolute, when the caller knows it (a code action does); else read at `position`. */
  readonly domain?: string;
  readonly request: GeneratorRequest;
}

/** The server command every generator runs through (LSP `workspace/executeCommand`). */
export const GENERATE_COMMAND = 'zonelint.generate';

/** Client commands: the palette entries, and the ones code actions run. */
export const CLIENT_COMMANDS = {
  addDmarcRecord: 'zonelint.addDmarcRecord',
  addSpfRecord: 'zonelint.addSpfRecord',
  addMicrosoft365Dkim: 'zonelint.addMicrosoft365DkimRecords',
  addDkimKeyRecord: 'zonelint.addDkimKeyRecord',
  makeNoMail: 'zonelint.makeNoMailDomain',
  bumpSerial: 'zonelint.bumpSoaSerial',
  copyRecord: 'zonelint.copyRecordToClipboard',
  selectPlaceholder: 'zonelint.selectPlaceholder',
} as const;

/** The argument of `zonelint.copyRecordToClipboard`. */
export interface CopyRecordArguments {
  readonly text: string;
  readonly message: string;
}

/** The argument of `zonelint.addMicrosoft365DkimRecords` when a code action runs it. */
export interface Microsoft365DkimArguments {
  readonly uri: string;
  readonly domain: string;
}

/** The argument of `zonelint.selectPlaceholder`: the range to select once a fix is applied. */
export interface SelectArguments {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}
