// The wire protocol the Participant client runs with (the SDK client's `protocol` option): AWS restJson1
// as the Participant Service speaks it, in place of the SDK's schema-driven serde. Requests are the same
// bytes the SDK's protocol sends (restJsonRequest.ts); answers are the service's JSON as it came
// (restJsonResponse.ts), so no field is lost to an older bundled model. Leaving the SDK's generic
// protocol and serde layers unused is also what keeps them out of the script-tag bundle.

import type { $ClientProtocol, $Codec, $OperationSchema, Endpoint, EndpointBearer, EndpointV2, HandlerExecutionContext, HttpResponse, MetadataBearer, SerdeFunctions } from '@smithy/types';
import { buildRequest, ParticipantHttpRequest } from './restJsonRequest.js';
import { bodyText, parseBody, responseMetadata, serviceException, withoutNulls } from './restJsonResponse.js';

/** The answer shape the SDK's HTTP handlers produce (as @smithy/protocol-http's HttpResponse). */
class ParticipantHttpResponse implements HttpResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  body?: unknown;
}

export class ParticipantRestJsonProtocol implements $ClientProtocol<ParticipantHttpRequest, HttpResponse> {
  getShapeId(): string {
    return 'aws.protocols#restJson1';
  }

  getRequestType(): new () => ParticipantHttpRequest {
    return ParticipantHttpRequest;
  }

  getResponseType(): new () => HttpResponse {
    return ParticipantHttpResponse;
  }

  /** Nothing in the SDK asks a restJson1 protocol for its codec on this path; there is none to give. */
  getPayloadCodec(): $Codec<unknown, unknown> {
    throw new Error('The Participant client protocol has no payload codec: it writes and reads JSON itself');
  }

  /** Stateless: the client config (streamCollector, utf8Encoder, …) comes with every call's context. */
  setSerdeContext(): void {}

  async serializeRequest<Input extends object>(
    operation: $OperationSchema,
    input: Input,
    context: HandlerExecutionContext & SerdeFunctions & EndpointBearer,
  ): Promise<ParticipantHttpRequest> {
    const endpoint: Endpoint = await context.endpoint();
    return buildRequest(operation.name, input as Record<string, unknown>, endpoint);
  }

  updateServiceEndpoint(request: ParticipantHttpRequest, endpoint: EndpointV2): ParticipantHttpRequest {
    const url = endpoint.url;
    request.protocol = url.protocol;
    request.hostname = url.hostname;
    request.port = url.port ? Number(url.port) : undefined;
    request.path = url.pathname;
    return request;
  }

  async deserializeResponse<Output extends MetadataBearer>(
    _operation: $OperationSchema,
    context: HandlerExecutionContext & SerdeFunctions,
    response: HttpResponse,
  ): Promise<Output> {
    const $metadata = responseMetadata(response);
    const body = parseBody(await bodyText(response, context));
    if (response.statusCode >= 300) throw serviceException(response, body, $metadata);
    return Object.assign(withoutNulls(body), { $metadata }) as unknown as Output;
  }
}
