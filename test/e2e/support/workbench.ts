// The lifecycle every workbench suite shares: code-server installed once before the suite, and its sandbox,
// code-server process and browser stopped after it, whatever the tests did.

import type { Browser } from './browser';
import type { CodeServer } from './codeServer';
import { ensureCodeServer } from './codeServer';
import type { Sandbox } from './sandbox';

/** What a suite starts; the hooks stop whatever of it is set. */
export interface Workbench {
  sandbox?: Sandbox;
  server?: CodeServer;
  browser?: Browser;
}

/** Registers the suite's before/after hooks and returns the state the tests fill in. */
export function useWorkbench(): Workbench {
  const workbench: Workbench = {};
  before(function () {
    // The first run installs code-server (about 90 s of native builds); later runs find it in .cache/.
    this.timeout(15 * 60 * 1000);
    ensureCodeServer();
  });
  after(async () => {
    await workbench.browser?.close();
    await workbench.server?.stop();
    workbench.sandbox?.dispose();
  });
  return workbench;
}
