// The settings the server lints with: the editor's `zonelint.*` settings, then the project's `.zonelint.json` on
// top (the file the CLI reads, so both agree), and no DNS at all in an untrusted workspace.

import type { Settings } from './core';
import { DEFAULT_SETTINGS, parseSettings } from './core';

export const PROJECT_FILE_NAME = '.zonelint.json';

export interface SettingsSources {
  /** The `zonelint` section of the editor's configuration, as the client sent it. */
  readonly editor: unknown;
  /** The parsed `.zonelint.json` of the workspace, if there is one. */
  readonly projectFile: unknown;
  readonly trusted: boolean;
}

export function effectiveSettings(sources: SettingsSources): { settings: Settings; problems: string[] } {
  const editor = parseSettings(sources.editor, DEFAULT_SETTINGS);
  const project = parseSettings(sources.projectFile, editor.settings);
  const problems = [
    ...editor.problems.map((problem) => `setting zonelint.${problem.key}: ${problem.message}`),
    ...project.problems.map((problem) => `${PROJECT_FILE_NAME}: ${problem.key}: ${problem.message}`),
  ];
  const settings = sources.trusted ? project.settings : { ...project.settings, dns: 'off' as const };
  return { settings, problems };
}
