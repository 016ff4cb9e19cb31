// The language server's Node entry point: IPC when VS Code starts it, `--stdio` for any other LSP client.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './runSafe';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A bug must cost one answer, never the server: log what escaped every handler and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${describeError(reason)}`));
startServer(connection);
connection.listen();
