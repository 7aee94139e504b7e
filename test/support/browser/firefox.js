// Where Firefox is on this machine, for jest.config.js (whether to register the Firefox project) and the
// e2e browser helper (what to launch). Plain CommonJS: jest reads its config without TypeScript.
const fs = require('fs');
const path = require('path');

/** The binaries looked up on PATH, in order: the Debian ESR package first, then any other Firefox. */
const FIREFOX_NAMES = ['firefox-esr', 'firefox'];

/** `FIREFOX_PATH` when set (and executable), else the first Firefox on PATH; undefined when there is none. */
function findFirefox() {
  const candidates = process.env.FIREFOX_PATH
    ? [process.env.FIREFOX_PATH]
    : FIREFOX_NAMES.flatMap((name) => (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name)));
  return candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The one line `npm test` prints when the Firefox project is not registered. */
const FIREFOX_MISSING =
  'e2e: Firefox not found, so the Firefox project was skipped (Chromium ran alone). Install it with `apt-get install -y firefox-esr` (as root), or set FIREFOX_PATH to a Firefox binary.';

module.exports = { findFirefox, FIREFOX_MISSING };
