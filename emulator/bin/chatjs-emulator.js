#!/usr/bin/env node
// CLI entry of the local Amazon Connect chat emulator (built to emulator/dist by `npm run build`).
require('../dist/cli.js').main(process.argv.slice(2));
