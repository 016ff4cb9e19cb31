#!/usr/bin/env node
// The `zonelint` command: runs the CLI bundled into dist/ by `npm ci` (the prepare script) or `npm run build`.
require('../dist/cli.js').main();
