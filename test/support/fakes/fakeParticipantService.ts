// A fake HTTP handler for the AWS SDK client: records every request it is given and answers from a script,
// so tests can assert what went on the wire without a server.
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';

export interface RecordedRequest {
  /** protocol://hostname[:port] the request was addressed to. */
  origin: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The body as text ('' when none). */
  body: string;
  /** The body parsed as JSON ({} when none). */
  json: Record<string, unknown>;
}

export interface CannedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A canned answer, or an error to throw as a network failure would. */
export type Answer = CannedResponse | Error;
export type Responder = (request: RecordedRequest, index: number) => Answer;

const decode = (body: unknown): string => {
  if (body == null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array || ArrayBuffer.isView(body)) {
    const view = body as ArrayBufferView;
    return new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
  return String(body);
};

export class FakeParticipantService {
  readonly requests: RecordedRequest[] = [];
  private script: Answer[] = [];
  private fallback: Responder = () => ({ status: 200, body: {} });

  /** Answers the next requests in order; after the script runs out, `respondWith`'s responder answers. */
  queue(...answers: Answer[]): this {
    this.script.push(...answers);
    return this;
  }

  respondWith(responder: Responder): this {
    this.fallback = responder;
    return this;
  }

  readonly handler = {
    handle: async (request: HttpRequest): Promise<{ response: HttpResponse }> => {
      const body = decode(request.body);
      const recorded: RecordedRequest = {
        origin: `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`,
        method: request.method,
        path: request.path,
        headers: { ...request.headers },
        body,
        json: body ? (JSON.parse(body) as Record<string, unknown>) : {},
      };
      const index = this.requests.push(recorded) - 1;
      const answer = this.script.shift() ?? this.fallback(recorded, index);
      if (answer instanceof Error) throw answer;
      return { response: toHttpResponse(answer) };
    },
  };

  paths(): string[] {
    return this.requests.map((r) => r.path);
  }
}

function toHttpResponse(answer: CannedResponse): HttpResponse {
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return new HttpResponse({
    statusCode: answer.status ?? 200,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1', ...answer.headers },
    body: new TextEncoder().encode(text),
  });
}

/** A service error answer with the type in the body's `__type` (namespaced, as the real service can send). */
export const serviceError = (status: number, type: string, message = `${type} happened`): CannedResponse => ({
  status,
  body: { __type: `com.amazonaws.connectparticipant#${type}`, message },
});

/** A service error answer with the type only in the `x-amzn-ErrorType` header. */
export const headerError = (status: number, type: string, message = `${type} happened`): CannedResponse => ({
  status,
  headers: { 'x-amzn-ErrorType': `${type}:http://internal.amazon.com/coral/com.amazonaws.connectparticipant/` },
  body: { message },
});
