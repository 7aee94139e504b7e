// Stands in for @smithy/core/event-streams in the script-tag bundle. The AWS SDK loads that module only for
// operations with event streams, and the Participant Service has none, so the real one is never needed.
const unavailable = () => {
  throw new Error('Event streams are not used by the Amazon Connect Participant Service');
};
export const EventStreamSerde = unavailable;
export const eventStreamSerdeProvider = unavailable;
