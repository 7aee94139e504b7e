// Stands in for @smithy/core's NormalizedSchema (the reader of generated schemas) in the script-tag bundle.
// The SDK reaches for it in two places only: a command checking its operation for event streams, which
// the bundled operation schemas answer up front (operationSchemas.js), and the log filter, which runs
// only for a logger with `info`/`error` and the Participant client's SDK logger has neither
// (src/client/sdkOptions.ts).
const unavailable = () => {
  throw new Error("The SDK's schema reader is not part of this bundle: the Participant client binds requests by operation name");
};
export class NormalizedSchema {
  static of() {
    return unavailable();
  }
}
export const isStaticSchema = unavailable;
export const simpleSchemaCacheN = [];
export const simpleSchemaCacheS = {};
export const schemaLogFilter = unavailable;
