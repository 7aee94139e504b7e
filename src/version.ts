// The SDK's own version: sent in the user agent and exposed as `connect.ChatJS.version`.
// A unit test keeps it equal to package.json's version (tsconfig's rootDir stops us importing that file here).
export const VERSION = '5.1.0';
