#!/usr/bin/env node
// The `zonelint-language-server` command: the language server for any LSP client (`--stdio`), bundled into dist/.
require('../dist/server.js');
