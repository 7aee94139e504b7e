// DescribeView and the customer-authentication operations. The emulator has no flows, so views are
// canned and authentication URLs point back at the emulator.
import { participantValidationError, resourceNotFound } from '../core/errors';
import type { OperationCall } from './operation';

/** A ViewToken containing this marker answers 404, so clients can exercise the not-found path. */
const MISSING_VIEW_MARKER = 'not-found';

export function describeView({ pathLabels }: OperationCall): unknown {
  const viewToken = pathLabels[0] ?? '';
  if (viewToken.length < 1 || viewToken.length > 1000) throw participantValidationError('ViewToken', 'Member must have length between 1 and 1000');
  if (viewToken.includes(MISSING_VIEW_MARKER)) throw resourceNotFound(`View ${viewToken} not found`, viewToken, 'CONTACT_FLOW');
  const viewId = `emulator-view-${Buffer.from(viewToken).toString('hex').slice(0, 16)}`;
  return {
    View: {
      Id: viewId,
      Arn: `arn:aws:connect:us-east-1:000000000000:instance/emulator/view/${viewId}`,
      Name: 'Emulator form',
      Version: 1,
      Content: { InputSchema: '{}', Template: '{"Head":{"Title":"Emulator form"},"Body":[]}', Actions: ['Submit', 'Cancel'] },
    },
  };
}

/** SessionId is exactly 36 characters (the UUID of authentication.initiated). */
function readSessionId(call: OperationCall): string {
  return call.fields.string('SessionId', 36, 36);
}

export function getAuthenticationUrl(call: OperationCall): unknown {
  const sessionId = readSessionId(call);
  const redirectUri = call.fields.string('RedirectUri', 1, 1024);
  const query = new URLSearchParams({ session_id: sessionId, redirect_uri: redirectUri });
  return { AuthenticationUrl: `${call.ctx.address.url('http')}/emulator/authenticate?${query.toString()}` };
}

export function cancelParticipantAuthentication(call: OperationCall): unknown {
  readSessionId(call);
  return {};
}
