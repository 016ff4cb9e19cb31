// runSafe, the wrapper of every request handler: a throwing handler is logged and answered with its empty result,
// a cancelled request is not computed, and runDetached keeps a failing background task from ending the process.

import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { runDetached, runSafe } from '../../server/src/runSafe';

describe('runSafe', () => {
  const cases: { name: string; handler: () => string[] | Promise<string[]>; cancel: boolean; result: string[]; logged: RegExp | undefined }[] = [
    { name: 'returns what the handler returns', handler: () => ['symbol'], cancel: false, result: ['symbol'], logged: undefined },
    { name: 'answers a throwing handler with the fallback and logs it', handler: () => { throw new Error('broken zone'); }, cancel: false, result: [], logged: /^documentSymbol failed: Error: broken zone/ },
    { name: 'answers a rejected promise with the fallback and logs it', handler: () => Promise.reject(new Error('async failure')), cancel: false, result: [], logged: /^documentSymbol failed: Error: async failure/ },
    { name: 'does not compute a cancelled request', handler: () => assert.fail('computed a cancelled request'), cancel: true, result: [], logged: undefined },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const log: string[] = [];
      const safe = runSafe<void, string[]>({ name: 'documentSymbol', fallback: [], log: (message) => log.push(message), handler: testCase.handler });
      const source = new CancellationTokenSource();
      if (testCase.cancel) source.cancel();
      assert.deepEqual(await safe(undefined, source.token), testCase.result);
      if (testCase.logged === undefined) assert.deepEqual(log, []);
      else assert.match(log.join('\n'), testCase.logged);
    });
  }

  it('logs a background task that throws or rejects, instead of throwing', async () => {
    const log: string[] = [];
    runDetached({ name: 'check', log: (message) => log.push(message), task: () => { throw new Error('sync'); } });
    let settle: () => void = () => undefined;
    const logged = new Promise<void>((resolve) => (settle = resolve));
    runDetached({ name: 'index', log: (message) => { log.push(message); settle(); }, task: () => Promise.reject(new Error('async')) });
    await logged;
    assert.match(log[0], /^check failed: Error: sync/);
    assert.match(log[1], /^index failed: Error: async/);
  });
});
