// Redaction of the token forms issue 26 found leaking: ConnectionAuthenticationToken (Streams'
// connectionData), token query parameters such as ?AuthToken=, header tuples, and token values a server
// echoes in an error message (known from being sent as x-amz-bearer or logged under a secret key).
import { buildRequest } from '../../../src/client/restJsonRequest';
import { forgetSecrets, rememberSecret } from '../../../src/log/knownSecrets';
import { redactString, redactValue, REDACTED } from '../../../src/log/redact';

const TOKEN = 'QVFJREFIaGVsbG8td29ybGQtY29ubmVjdGlvbi10b2tlbg';

beforeEach(() => forgetSecrets());

describe('ConnectionAuthenticationToken', () => {
  it('as an object field', () => {
    expect(redactValue({ ConnectionAuthenticationToken: TOKEN })).toEqual({ ConnectionAuthenticationToken: REDACTED });
  });

  it("inside Streams' connectionData (JSON in a string field)", () => {
    const media = { chatMediaInfo: { connectionData: JSON.stringify({ ConnectionAuthenticationToken: TOKEN, other: 'kept' }) } };
    const text = JSON.stringify(redactValue(media));
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('kept');
  });

  it('in free text', () => {
    expect(redactString(`ConnectionAuthenticationToken=${TOKEN} next`)).toBe(`ConnectionAuthenticationToken=${REDACTED} next`);
  });
});

describe('token query parameters', () => {
  it.each(['AuthToken', 'authToken', 'auth_token', 'access_token', 'id_token', 'X-Amz-Bearer', 'participantToken', 'connectionToken'])('?%s= in a URL', (name) => {
    const url = `wss://edge.example/chat?contactId=c-1&${name}=${TOKEN}&lang=en`;
    expect(redactString(url)).toBe(`wss://edge.example/chat?contactId=c-1&${name}=${REDACTED}&lang=en`);
  });

  it('as the first parameter, URL-encoded inside another URL, and in a fragment', () => {
    expect(redactString(`https://x.example/?AuthToken=${TOKEN}`)).toBe(`https://x.example/?AuthToken=${REDACTED}`);
    expect(redactString(`https://a.example/?next=https%3A%2F%2Fb.example%2F%3FAuthToken%3D${TOKEN}`)).not.toContain(TOKEN);
    expect(redactString(`https://app.example/cb#access_token=${TOKEN}&state=1`)).toBe(`https://app.example/cb#access_token=${REDACTED}&state=1`);
  });
});

describe('header tuples', () => {
  it('a [name, value] pair with a secret name', () => {
    expect(redactValue(['x-amz-bearer', TOKEN])).toEqual(['x-amz-bearer', REDACTED]);
    expect(redactValue([['X-Amz-Bearer', TOKEN], ['content-type', 'application/json']])).toEqual([
      ['X-Amz-Bearer', REDACTED],
      ['content-type', 'application/json'],
    ]);
  });

  it("a flat list of names and values (Node's rawHeaders)", () => {
    expect(redactValue(['Host', 'x.example', 'Authorization', `Bearer ${TOKEN}`, 'Accept', '*/*'])).toEqual(['Host', 'x.example', 'Authorization', REDACTED, 'Accept', '*/*']);
  });

  it('a Map of headers', () => {
    expect(JSON.stringify(redactValue(new Map([['x-amz-bearer', TOKEN], ['accept', 'json']])))).toBe(`{"x-amz-bearer":"${REDACTED}","accept":"json"}`);
  });

  it('a value after a harmless name stays', () => {
    expect(redactValue(['accept', 'application/json'])).toEqual(['accept', 'application/json']);
  });
});

describe('token values echoed back', () => {
  it('a token sent as x-amz-bearer is hidden in a server error message that repeats it', () => {
    buildRequest('SendMessage', { ConnectionToken: TOKEN, Content: 'hi', ContentType: 'text/plain' }, { protocol: 'https:', hostname: 'x.example', path: '/' });
    const error = new Error(`Invalid token ${TOKEN} for this contact`);
    const redacted = redactValue(error) as Error;
    expect(redacted.message).toBe(`Invalid token ${REDACTED} for this contact`);
    expect(redactString(`{"message":"bad bearer: ${TOKEN}"}`)).not.toContain(TOKEN);
  });

  it('a token once logged under a secret key is hidden where it appears under no name', () => {
    redactValue({ participantToken: TOKEN });
    expect(redactString(`retrying with ${TOKEN}`)).toBe(`retrying with ${REDACTED}`);
  });

  it('short values are not remembered (they would blank ordinary words)', () => {
    rememberSecret('abc');
    expect(redactString('abc is fine')).toBe('abc is fine');
  });

  it('an unknown opaque value in prose is left alone', () => {
    expect(redactString(`id ${TOKEN}`)).toBe(`id ${TOKEN}`);
  });
});
