// Stands in for the AWS SDK's browser defaults-mode resolver in the script-tag bundle. The Participant
// client never sets `defaultsMode` (src/client/participantClient.ts), so the mode is always the SDK's
// default, "legacy"; the detection of mobile devices behind "auto" is not bundled.
export const resolveDefaultsModeConfig = ({ defaultsMode } = {}) => {
  if (defaultsMode !== undefined) {
    throw new Error('defaultsMode is not supported by this bundle: the Participant client runs the SDK\'s "legacy" defaults');
  }
  return async () => 'legacy';
};
