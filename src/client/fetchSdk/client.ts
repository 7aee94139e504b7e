// The Participant Service client of the browser builds (script tag and ES module), in place of the AWS SDK
// client and its middleware runtime, which ship in the Node build only. It takes the options the
// Participant client gives the SDK client (../participantClient.ts `sdkClientConfig`) and runs each call
// as the SDK does with them: the request its protocol writes (../restJsonProtocol.ts), with the `host`,
// `content-length` and `x-amz-user-agent` headers the SDK adds; unsigned; sent with fetch() or the
// configured handler; attempts and delays decided by its retry strategy (../retryStrategy.ts); the answer
// read by the protocol; `$metadata` with attempts and total delay; a failure marked as the SDK marks it.
// test/unit/client/fetchSdk.sideBySide.test.ts holds it to the real SDK client, request for request.
import type { ConnectParticipantClientConfig } from '@aws-sdk/client-connectparticipant';
import type { $ClientProtocol, $OperationSchema, Endpoint, HttpRequest, HttpResponse, MetadataBearer, QueryParameterBag, RetryStrategyV2, SerdeFunctions } from '@smithy/types';
import { runWithRetries, type RetryTally } from '../retryStrategy.js';
import type { ParticipantCommand } from './commands.js';
import { failureInfo } from './failureKinds.js';
import { FetchHandler, type RequestHandler } from './fetchHandler.js';
import { userAgentHeader, type UserAgentSection } from './userAgent.js';
import { utf8Length } from '../../util/utf8.js';

type EndpointProvider = NonNullable<ConnectParticipantClientConfig['endpointProvider']>;
type Protocol = $ClientProtocol<HttpRequest, HttpResponse>;
type Output = MetadataBearer & Record<string, unknown>;

/** What a failed call is marked with: the SDK's hint for an answer it could not read. */
const UNREADABLE_HINT = 'Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';

class ClientConfigurationError extends Error {
  constructor(option: string) {
    super(`The Participant client of this build needs the option ${option} (src/client/participantClient.ts sets it)`);
    this.name = 'ClientConfigurationError';
  }
}

/** The body's length in bytes, unless the request already says. */
function addContentLength({ body, headers }: HttpRequest): void {
  if (typeof body === 'string' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(utf8Length(body));
  }
}

/** The `host` header as the SDK writes it (`hostname[:port]`); fetch() leaves it out, a test handler sees it. */
function addHost(request: HttpRequest): void {
  if (!request.headers.host) request.headers.host = `${request.hostname}${request.port != null ? `:${request.port}` : ''}`;
}

/** `?a=1&a=2&b` as the SDK reads an endpoint's query: repeated names become lists. */
function endpointQuery(search: string): QueryParameterBag {
  const query: QueryParameterBag = {};
  for (const pair of search.replace(/^\?/, '').split('&').filter(Boolean)) {
    const [rawName = '', rawValue] = pair.split('=');
    const name = decodeURIComponent(rawName);
    const value = rawValue ? decodeURIComponent(rawValue) : null;
    const seen = query[name];
    query[name] = !(name in query) ? (value as string) : Array.isArray(seen) ? [...seen, value as string] : [seen as string, value as string];
  }
  return query;
}

/** The error as thrown, or wrapped in an Error as the SDK wraps a thrown value that is not one. */
function asError(thrown: unknown): Error & { $metadata?: Record<string, unknown> } {
  if (thrown instanceof Error) return thrown;
  if (thrown instanceof Object) return Object.assign(new Error(), thrown);
  return new Error(typeof thrown === 'string' ? thrown : `AWS SDK error wrapper for ${String(thrown)}`);
}

/** Marks a failure read from an answer: the raw answer hidden on it, and for an unreadable answer the SDK's hint and `$metadata`. */
function markFailure(error: unknown, response: HttpResponse): void {
  if (typeof error !== 'object' || error === null) return;
  Object.defineProperty(error, '$response', { value: response, enumerable: false, writable: false, configurable: false });
  if ('$metadata' in error) return;
  const failure = error as { message?: string; $metadata?: unknown };
  failure.message = `${failure.message ?? ''}\n  ${UNREADABLE_HINT}`;
  const matching = (pattern: RegExp) => Object.entries(response.headers).find(([name]) => pattern.test(name))?.[1];
  failure.$metadata = {
    httpStatusCode: response.statusCode,
    requestId: matching(/^x-[\w-]+-request-?id$/),
    extendedRequestId: matching(/^x-[\w-]+-id-2$/),
    cfId: matching(/^x-[\w-]+-cf-id$/),
  };
}

/** Reads a body of any kind fetch answers with (stream, Blob, bytes, text) as bytes. */
const streamCollector = async (body: unknown): Promise<Uint8Array> => new Uint8Array(await new Response(body as BodyInit).arrayBuffer());
const utf8Encoder = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

export class ConnectParticipantClient {
  readonly config: ConnectParticipantClientConfig;
  private readonly protocol: Protocol;
  private readonly retryStrategy: RetryStrategyV2;
  private readonly endpointProvider: EndpointProvider;
  private readonly handler: RequestHandler;
  /** The same for every call of this client: the user-agent header, and what the protocol reads and writes with. */
  private readonly userAgent: string;
  private readonly serde: SerdeFunctions & Record<string, unknown>;
  /** Resolved at the first call, as the SDK resolves it per call (a bad region rejects that call, not the constructor). */
  private resolvedEndpoint: Endpoint | null = null;

  constructor(config: ConnectParticipantClientConfig) {
    this.config = config;
    const { protocol, retryStrategy, endpointProvider } = config;
    if (typeof protocol !== 'object' || protocol === null) throw new ClientConfigurationError('protocol (an instance)');
    if (typeof retryStrategy !== 'object' || !('acquireInitialRetryToken' in retryStrategy)) throw new ClientConfigurationError('retryStrategy');
    if (typeof endpointProvider !== 'function') throw new ClientConfigurationError('endpointProvider');
    this.protocol = protocol as unknown as Protocol;
    this.retryStrategy = retryStrategy;
    this.endpointProvider = endpointProvider;
    this.handler = (config.requestHandler as RequestHandler | undefined) ?? new FetchHandler();
    const custom = config.customUserAgent;
    const sections = typeof custom === 'string' ? [[custom] as const] : ((custom ?? []) as UserAgentSection[]);
    this.userAgent = userAgentHeader(this.featureCodes(), sections);
    this.serde = { ...config, streamCollector, utf8Encoder, endpoint: async () => this.endpoint() } as unknown as SerdeFunctions & Record<string, unknown>;
  }

  async send(command: ParticipantCommand): Promise<Output> {
    const operation = { name: command.operation } as $OperationSchema;
    const request = await this.protocol.serializeRequest(operation, command.input, this.serde as never);
    // Headers in the order the SDK's middlewares add them.
    addContentLength(request);
    request.headers['x-amz-user-agent'] = this.userAgent;
    addHost(request);
    const tally: RetryTally = { attempts: 0, totalRetryDelay: 0 };
    try {
      const output = await runWithRetries(this.retryStrategy, () => this.attempt(request, operation), failureInfo, tally);
      Object.assign(output.$metadata, tally);
      return output;
    } catch (thrown) {
      // As the SDK: the failure (wrapped when it is not an Error) with how far the tries went.
      const error = asError(thrown);
      error.$metadata = Object.assign(error.$metadata ?? {}, tally);
      throw error;
    }
  }

  destroy(): void {
    this.handler.destroy?.();
  }

  /** The SDK's feature codes for a call: N a custom endpoint, E (or F) the retry strategy's mode. */
  private featureCodes(): string[] {
    const mode = (this.retryStrategy as { mode?: string }).mode;
    return [...(this.config.endpoint ? ['N'] : []), ...(mode === 'standard' ? ['E'] : mode === 'adaptive' ? ['F'] : [])];
  }

  /** The service's address, as the SDK asks its endpoint provider for it. */
  private endpoint(): Endpoint {
    if (this.resolvedEndpoint) return this.resolvedEndpoint;
    const custom = this.config.endpoint;
    const url = this.endpointProvider({
      Region: this.config.region as string,
      UseFIPS: false,
      UseDualStack: false,
      ...(typeof custom === 'string' ? { Endpoint: custom } : {}),
    }).url;
    this.resolvedEndpoint = {
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? parseInt(url.port, 10) : undefined,
      path: url.pathname,
      query: url.search ? endpointQuery(url.search) : undefined,
    } as Endpoint;
    return this.resolvedEndpoint;
  }

  /** One try: the request sent, the answer read; a failure read from an answer is marked as the SDK marks it. */
  private async attempt(request: HttpRequest, operation: $OperationSchema): Promise<Output> {
    const { response } = await this.handler.handle(request, {});
    try {
      return await this.protocol.deserializeResponse<Output>(operation, this.serde as never, response);
    } catch (error) {
      markFailure(error, response);
      throw error;
    }
  }
}
