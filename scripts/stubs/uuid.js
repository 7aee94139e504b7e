// Stands in for @smithy/core's UUID v4 generator (the SDK's per-call invocation id) in the script-tag
// bundle: the Participant client already carries one for its idempotency tokens, so the SDK uses that.
import { uuidV4 } from '../../src/util/uuid.js';

export const bindV4 = () => uuidV4;
