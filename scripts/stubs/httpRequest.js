// Stands in for @smithy/core's HttpRequest class in the script-tag bundle. The Participant client's
// protocol makes its own requests (src/client/restJsonRequest.ts), so the SDK's middlewares only ever ask
// whether a value is a request, which this answers as the SDK does (the fields an HTTP request has).
// Making or cloning one asks for a clear error: nothing in the bundle does.
const notInBundle = () => {
  throw new Error("The AWS SDK's HttpRequest class is not part of this bundle: the Participant client's protocol makes the requests");
};

export class HttpRequest {
  constructor() {
    notInBundle();
  }

  static clone() {
    notInBundle();
  }

  static isInstance(request) {
    if (!request) return false;
    return 'method' in request && 'protocol' in request && 'hostname' in request && 'path' in request && typeof request.query === 'object' && typeof request.headers === 'object';
  }
}
