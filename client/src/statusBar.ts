// The status bar item of zone files: the zone's origin and, when the server counts it, the DNS lookups of the
// apex SPF record, with the details in its tooltip. It follows the active editor.

import * as vscode from 'vscode';
import type { ZoneStatusParams } from '../../server/src/protocol';

export const LANGUAGE_ID = 'dns-zone';

export class ZoneStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zonelint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, ZoneStatusParams>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.refresh());

  constructor(showOutputCommand: string) {
    this.item.name = 'zonelint';
    this.item.command = showOutputCommand;
    this.refresh();
  }

  /** The last status the server sent for a document, by URI. */
  statusOf(uri: string): ZoneStatusParams | undefined {
    return this.statuses.get(uri);
  }

  update(status: ZoneStatusParams): void {
    this.statuses.set(status.uri, status);
    this.refresh();
  }

  /** Forgets every status, when the server restarts and will send them anew. */
  clear(): void {
    this.statuses.clear();
    this.refresh();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const status = this.statuses.get(document.uri.toString());
    if (status === undefined) {
      this.item.text = '$(sync~spin) zonelint';
      this.item.tooltip = 'zonelint is checking this zone';
    } else {
      const spf = status.spfLookups === null ? '' : ` · SPF ${status.spfLookups.complete ? '' : '≥'}${status.spfLookups.count}/${status.spfLookups.limit}`;
      this.item.text = `$(globe) ${status.origin ?? 'origin unknown'}${spf}`;
      this.item.tooltip = tooltip(status);
    }
    this.item.show();
  }
}

function tooltip(status: ZoneStatusParams): vscode.MarkdownString {
  const origin = status.origin === null ? 'unknown: add `$ORIGIN`, or map the file in the `zonelint.origins` setting' : `\`${status.origin}\` (from ${status.originSource})`;
  const lookups = status.spfLookups;
  let spf = 'no SPF record';
  if (lookups !== null) {
    spf = `${lookups.complete ? '' : 'at least '}${lookups.count} of at most ${lookups.limit}`;
    if (lookups.count > lookups.limit) spf += ': over the limit, receivers return permerror';
    else if (!lookups.complete) spf += ' (some targets were not resolved)';
  }
  const markdown = new vscode.MarkdownString(`**zonelint**\n\n- Origin: ${origin}\n- Records: ${status.recordCount}\n- SPF lookups at the apex: ${spf}\n\nClick to show the server log.`);
  return markdown;
}
