// A throw-away home for one editor run: HOME and the XDG folders point into a temp folder, so code-server,
// Chromium, vsce and Neovim write their state there and nothing in the user's real home changes.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Sandbox {
  readonly root: string;
  /** The environment for processes started in the sandbox. */
  readonly env: NodeJS.ProcessEnv;
  dispose(): void;
}

export function createSandbox(name: string): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), `zonelint-${name}-`));
  const dir = (...parts: string[]): string => {
    const full = path.join(root, ...parts);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir('home'),
    XDG_CONFIG_HOME: dir('xdg', 'config'),
    XDG_DATA_HOME: dir('xdg', 'data'),
    XDG_CACHE_HOME: dir('xdg', 'cache'),
    XDG_STATE_HOME: dir('xdg', 'state'),
    TMPDIR: dir('tmp'),
  };
  return { root, env, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
