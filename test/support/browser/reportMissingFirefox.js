// globalSetup of the Chromium e2e project: unpacks Chromium once, and says once per run that Firefox was skipped when it is missing.
const { findFirefox, FIREFOX_MISSING } = require('./firefox');

module.exports = async function reportMissingFirefox() {
  if (!findFirefox()) process.stdout.write(`\n${FIREFOX_MISSING}\n`);
  // @sparticuz/chromium unpacks its binary to the temp folder on first use and takes an existing file as
  // ready: unpack it here, once, before the workers start, so no worker launches a half-written binary.
  const loaded = require('@sparticuz/chromium');
  await (loaded.default ?? loaded).executablePath();
};
