#!/usr/bin/env node
// CLI entry of the local Amazon Connect chat emulator (built to dist/emulator by `npm run build`).
require('../dist/emulator/cli.js').main(process.argv.slice(2));
