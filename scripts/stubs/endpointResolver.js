// Stands in for the Participant client's generated endpoint resolver (its rules, the rules engine and the
// AWS partition table) in the script-tag bundle. Every client this package builds passes its own
// `endpointProvider` (src/client/sdkOptions.ts, checked against the generated rules in its unit test).
export const defaultEndpointResolver = () => {
  throw new Error('The generated endpoint resolver is not part of this bundle: pass endpointProvider');
};
