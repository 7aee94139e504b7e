// Stands in for the AWS SDK's user-agent settings resolver in the script-tag bundle, in the one form the
// Participant client uses: its own sections as `[name, version?]` pairs (src/client/participantClient.ts)
// and no app id. They resolve as the SDK resolves them then: the sections as given, the app id as a
// provider of `undefined`. An app id (which the SDK checks and puts in the user agent) asks for a clear
// error instead.
export const DEFAULT_UA_APP_ID = undefined;

export function resolveUserAgentConfig(input) {
  if (input.userAgentAppId !== undefined) throw new Error('userAgentAppId is not part of this bundle: the Participant client sets none');
  const { customUserAgent } = input;
  return Object.assign(input, {
    customUserAgent: typeof customUserAgent === 'string' ? [[customUserAgent]] : customUserAgent,
    userAgentAppId: async () => undefined,
  });
}
