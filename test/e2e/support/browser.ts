// Debian's Chromium driven by playwright-core (no browser download), opening code-server's workbench headless.

import path from 'node:path';
import util from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Sandbox } from './sandbox';

export const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  readonly page: Page;
  /** The extension host's console (tests' reporter output) and the page's errors, as the browser saw them. */
  readonly log: string[];
  close(): Promise<void>;
}

export async function openBrowser(sandbox: Sandbox): Promise<Browser> {
  const context: BrowserContext = await chromium.launchPersistentContext(path.join(sandbox.root, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: sandbox.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const log: string[] = [];
  page.on('console', (message) => {
    void Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')))
      .then((values: unknown[]) => {
        // The extension host's console reaches the page as `%c[Extension Host]`, a style, then the logged values.
        if (typeof values[0] === 'string' && values[0].startsWith('%c')) log.push(util.format(...values.slice(2)));
        else if (message.type() === 'error') log.push(`[page error] ${message.text()}`);
      })
      .catch(() => undefined);
  });
  page.on('pageerror', (error) => log.push(`[page exception] ${error.message}`));
  return { page, log, close: () => context.close() };
}
