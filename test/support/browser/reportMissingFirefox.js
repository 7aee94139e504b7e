// globalSetup of the Chromium e2e project: says once per run that Firefox was skipped when it is missing.
const { findFirefox, FIREFOX_MISSING } = require('./firefox');

module.exports = async function reportMissingFirefox() {
  if (!findFirefox()) process.stdout.write(`\n${FIREFOX_MISSING}\n`);
};
