// Stands in for the AWS SDK's fetch request handler in the script-tag bundle, in the one form the
// Participant client runs it: built from the SDK's "legacy" defaults (no request timeout, no keep-alive, no
// credentials mode, cache or request init of its own; src/client/participantClient.ts sets none) and
// called without an abort signal (no Participant client call passes one). For that form it sends the same
// fetch() the SDK's handler sends and answers the same way. Any option it does not cover, or an abort
// signal or a per-call timeout, asks for a clear error instead of a request that differs.
import { HttpResponse, buildQueryString } from '@smithy/core/protocols';

/** The settings the SDK's handler reads that would change the request: none is covered here. */
const REQUEST_SETTINGS = ['requestTimeout', 'keepAlive', 'credentials', 'cache', 'requestInit', 'customFetch'];

const notInBundle = (what) => new Error(`${what} is not part of this bundle's fetch handler (the Participant client sets none)`);

export class FetchHttpHandler {
  static create(instanceOrOptions) {
    return typeof instanceOrOptions?.handle === 'function' ? instanceOrOptions : new FetchHttpHandler(instanceOrOptions);
  }

  constructor(options) {
    this.configProvider = Promise.resolve(typeof options === 'function' ? options() : options).then((config) => config || {});
  }

  destroy() {}

  async handle(request, { abortSignal, requestTimeout } = {}) {
    if (abortSignal || requestTimeout) throw notInBundle('An abort signal or a per-call timeout');
    this.config = await this.configProvider;
    const setting = REQUEST_SETTINGS.find((name) => this.config[name]);
    if (setting) throw notInBundle(`The request handler option ${setting}`);
    const query = buildQueryString(request.query || {});
    const auth = request.username != null || request.password != null ? `${request.username ?? ''}:${request.password ?? ''}@` : '';
    const url = `${request.protocol}//${auth}${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}${query ? `?${query}` : ''}${request.fragment ? `#${request.fragment}` : ''}`;
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
    const init = { body, headers: new Headers(request.headers), method: request.method };
    if (body) init.duplex = 'half';
    // The SDK sets `keepalive: false` where Request knows the option, which is its default anyway.
    const response = await fetch(new Request(url, init));
    const headers = {};
    for (const [name, value] of response.headers.entries()) headers[name] = value;
    return {
      response: new HttpResponse({
        headers,
        reason: response.statusText,
        statusCode: response.status,
        body: response.body != undefined ? response.body : await response.blob(),
      }),
    };
  }

  updateHttpClientConfig(key, value) {
    this.config = undefined;
    this.configProvider = this.configProvider.then((config) => Object.assign(config, { [key]: value }));
  }

  httpHandlerConfigs() {
    return this.config ?? {};
  }
}

/** Whether Request knows `keepalive`: nothing in the bundle reads it, and this handler never sets it. */
export const keepAliveSupport = { supported: undefined };
