// The SDK's own version: sent in the user agent and exposed as `connect.ChatJS.version`.
// A unit test keeps it equal to package.json's version (tsconfig's rootDir stops us importing that file here).
// Our own major line (100 and up), so it is never read as an upstream amazon-connect-chatjs release: see the
// README's "Versions".
export const VERSION = '100.0.0';

/**
 * The version of `@aws-sdk/client-connectparticipant` this package is built and tested with: the browser
 * builds send it in the user agent as the SDK would (a unit test keeps it equal to the installed package's).
 */
export const AWS_SDK_VERSION = '3.1019.0';
