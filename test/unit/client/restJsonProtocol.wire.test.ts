/**
 * @jest-environment node
 */
// The Participant client's own restJson1 protocol: requests as the SDK model binds them (checked end to end
// in participantClient.wire.test.ts), answers as the service's JSON came, errors as the SDK's classes.
import { AccessDeniedException, ConnectParticipantServiceException, ResourceNotFoundException } from '@aws-sdk/client-connectparticipant';
import { ParticipantClient } from '../../../src/client/participantClient';
import { buildRequest, encodeLabel, UnknownOperationError } from '../../../src/client/restJsonRequest';
import { FakeParticipantService } from '../../support/fakes/fakeParticipantService';

const endpoint = { protocol: 'https:', hostname: 'example.test', path: '/', query: {} };
const makeClient = (fake: FakeParticipantService) =>
  new ParticipantClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9100', requestHandler: fake.handler, retry: { maxAttempts: 1 } });

describe('answers', () => {
  it('keep fields the SDK model does not know, at any depth, and drop null members as the SDK does', async () => {
    const kept = {
      InitialContactId: 'c-0',
      Transcript: [{ Id: 'i-1', Type: 'MESSAGE', InitialContactId: 'c-0', MessageMetadata: { MessageId: 'i-1', MessageCompleted: true, Later: [1] } }],
      AddedByTheService: { any: 'shape' },
    };
    const body = { ...kept, NextToken: null, Transcript: [{ ...kept.Transcript[0], DisplayName: null }, null] };
    const fake = new FakeParticipantService().queue({ body });
    const answer = await makeClient(fake).getTranscript('ct', { maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' });
    const { $metadata, ...fields } = answer;
    expect(fields).toEqual(kept);
    expect('NextToken' in fields).toBe(false);
    expect($metadata).toMatchObject({ httpStatusCode: 200, requestId: 'req-1', attempts: 1 });
  });

  it('an empty or non-object body gives only $metadata', async () => {
    const fake = new FakeParticipantService().queue({ body: '' }, { body: [1, 2] });
    const client = makeClient(fake);
    for (let i = 0; i < 2; i += 1) {
      const answer = await client.disconnectParticipant('ct');
      expect(Object.keys(answer)).toEqual(['$metadata']);
    }
  });
});

describe('errors', () => {
  const failWith = async (answer: Parameters<FakeParticipantService['queue']>[0]): Promise<unknown> => {
    const fake = new FakeParticipantService().queue(answer);
    const error = await makeClient(fake).sendMessage('ct', { content: 'x', contentType: 'text/plain' }).catch((e: { cause: unknown }) => e);
    return (error as { cause: unknown }).cause;
  };

  it('a modelled error is the SDK class, with the body fields and an enumerable message', async () => {
    const cause = await failWith({ status: 404, body: { __type: 'ResourceNotFoundException', message: 'gone', ResourceId: 'r-1' } });
    expect(cause).toBeInstanceOf(ResourceNotFoundException);
    expect(cause).toMatchObject({ name: 'ResourceNotFoundException', $fault: 'client', message: 'gone', ResourceId: 'r-1' });
    expect(JSON.parse(JSON.stringify(cause))).toMatchObject({ message: 'gone' });
    expect(cause).not.toHaveProperty('Message');
  });

  it('takes the type from x-amzn-ErrorType first and the message from Message', async () => {
    const cause = await failWith({ status: 403, headers: { 'X-Amzn-ErrorType': 'AccessDeniedException:http://x/' }, body: { __type: 'Other', Message: 'no' } });
    expect(cause).toBeInstanceOf(AccessDeniedException);
    expect(cause).toMatchObject({ message: 'no' });
  });

  it('an unmodelled name is the service base exception with that name; none at all is Unknown', async () => {
    const teapot = await failWith({ status: 418, body: { code: 'aws#TeapotException', message: 'tea' } });
    expect(teapot).toBeInstanceOf(ConnectParticipantServiceException);
    expect(teapot).toMatchObject({ name: 'TeapotException', $fault: 'client', message: 'tea' });
    const unnamed = await failWith({ status: 503, body: '' });
    expect(unnamed).toMatchObject({ name: 'Unknown', $fault: 'server', message: 'UnknownError' });
  });
});

describe('requests', () => {
  it('fills a missing idempotency token and writes body members in model order, nested ones too', () => {
    const request = buildRequest('GetTranscript', { StartPosition: { MostRecent: 3, Other: 1, Id: 'i' }, ContactId: 'c', ConnectionToken: 'ct' }, endpoint);
    expect(request.headers).toEqual({ 'x-amz-bearer': 'ct', 'content-type': 'application/json' });
    expect(request.body).toBe('{"ContactId":"c","StartPosition":{"Id":"i","MostRecent":3}}');
    const send = JSON.parse(buildRequest('SendMessage', { Content: 'x', ContentType: 'text/plain' }, endpoint).body ?? '');
    expect(Object.keys(send)).toEqual(['ContentType', 'Content', 'ClientToken']);
    expect(send.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('encodes a path label and sends no body when every member is bound elsewhere', () => {
    const request = buildRequest('DescribeView', { ViewToken: "a/b c!'", ConnectionToken: 'ct' }, endpoint);
    expect(request).toMatchObject({ method: 'GET', path: '/participant/views/a%2Fb%20c%21%27' });
    expect(request.body).toBeUndefined();
    expect(() => buildRequest('DescribeView', { ConnectionToken: 'ct' }, endpoint)).toThrow('DescribeView: no value for the path label ViewToken');
  });

  it('refuses an operation it has no binding for rather than sending a wrong request', () => {
    expect(() => buildRequest('NewOperation', {}, endpoint)).toThrow(UnknownOperationError);
    expect(() => buildRequest('toString', {}, endpoint)).toThrow(UnknownOperationError);
  });

  it('encodes a label as the SDK does (RFC 3986 reserved characters too)', () => {
    expect(encodeLabel("a+b=c!*'()")).toBe('a%2Bb%3Dc%21%2A%27%28%29');
    expect(encodeLabel('plain-1.2~x')).toBe('plain-1.2~x');
  });
});
