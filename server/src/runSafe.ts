// The wrapper every request handler runs in: a cancelled request or a handler that throws is answered with the
// handler's empty result and logged, so one bad file or bug never takes the server down or leaves a request hanging.

import type { CancellationToken } from 'vscode-languageserver/node';

export interface SafeHandlerOptions<P, R> {
  /** Names the request in the log. */
  readonly name: string;
  /** What the client gets when the handler fails or the request is cancelled. */
  readonly fallback: R;
  readonly log: (message: string) => void;
  readonly handler: (params: P, token: CancellationToken) => R | Promise<R>;
}

export function runSafe<P, R>(options: SafeHandlerOptions<P, R>): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return options.fallback;
    try {
      const result = await options.handler(params, token);
      return token.isCancellationRequested ? options.fallback : result;
    } catch (error) {
      options.log(`${options.name} failed: ${describeError(error)}`);
      return options.fallback;
    }
  };
}

/** Runs a notification handler or background task, logging instead of throwing (a rejected promise would end Node). */
export function runDetached(options: { name: string; log: (message: string) => void; task: () => void | Promise<void> }): void {
  try {
    const pending = options.task();
    if (pending !== undefined) pending.catch((error: unknown) => options.log(`${options.name} failed: ${describeError(error)}`));
  } catch (error) {
    options.log(`${options.name} failed: ${describeError(error)}`);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
