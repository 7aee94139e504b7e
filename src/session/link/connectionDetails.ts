// Obtains and keeps the session's connection details: the websocket URL and the connection token that
// every API call after connect() carries. Customers (and agents without Streams) exchange their
// participant token with CreateParticipantConnection; agents under Streams ask Streams for a token.
import { CONNECTION_TYPES, TIMINGS } from '../../constants.js';
import { ChatServiceError, SERVICE_ERROR_TYPES } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { ConnectionDetails } from '../../types.js';
import type { NormalizedChatDetails, NormalizedCreateArgs } from '../args/chatArgs.js';
import type { ClientLookup, ClientUse } from '../outgoing/clientAccess.js';

export type DetailsSource = 'participant-connection' | 'streams-token';

export class ConnectionDetailsProvider {
  private current: ConnectionDetails | null = null;
  private fetchedAt = 0;
  private readonly chatDetails: NormalizedChatDetails;
  private readonly source: DetailsSource;
  /** Agents mark themselves connected (ConnectParticipant) when they create their own connection. */
  private readonly connectParticipant: boolean;

  constructor(
    args: NormalizedCreateArgs,
    private readonly client: ClientLookup,
    private readonly logger: Logger,
    /** Told about every CreateParticipantConnection call (for client-side metrics). */
    private readonly onServiceCall: (startedAtMs: number, failed: boolean) => void = () => undefined,
  ) {
    this.chatDetails = args.chatDetails;
    // Agents under Streams ask Streams for their token; everyone else exchanges the participant token.
    const usesStreams = args.type === 'AGENT' && args.websocketManager !== null && args.chatDetails.getConnectionToken !== null;
    this.source = usesStreams ? 'streams-token' : 'participant-connection';
    this.connectParticipant = args.type === 'AGENT';
  }

  get details(): ConnectionDetails | null {
    return this.current;
  }

  get connectionToken(): string | null {
    return this.current?.connectionToken ?? null;
  }

  /** Milliseconds since the last successful fetch (the websocket URL is only usable for a while). */
  ageMs(now = Date.now()): number {
    return now - this.fetchedAt;
  }

  /** Fetches new details and makes them current; `use` picks the client (`reconnect`: one try). */
  async fetch(use: ClientUse = 'default'): Promise<ConnectionDetails> {
    const details = this.source === 'streams-token' ? await this.fetchFromStreams(use) : await this.fetchFromService(this.connectParticipant, use);
    this.current = details;
    this.fetchedAt = Date.now();
    return details;
  }

  /** Agents: tells the service the participant is connected (replaces the deprecated connection.acknowledged event). */
  async acknowledge(): Promise<void> {
    if (!this.chatDetails.participantToken || this.current?.connectionAcknowledged) return;
    await this.client().createParticipantConnection(this.chatDetails.participantToken, { connectParticipant: true });
    if (this.current) this.current = { ...this.current, connectionAcknowledged: true };
  }

  private async fetchFromService(connectParticipant: boolean, use: ClientUse): Promise<ConnectionDetails> {
    // Null when a custom client holds it; the built-in client refuses null.
    const token = this.chatDetails.participantToken;
    const startedAt = Date.now();
    const response = await this.client(use)
      .createParticipantConnection(token, {
        type: [CONNECTION_TYPES.WEBSOCKET, CONNECTION_TYPES.CONNECTION_CREDENTIALS],
        connectParticipant: connectParticipant || undefined,
      })
      .then(
        (answer) => {
          this.onServiceCall(startedAt, false);
          return answer;
        },
        (error: unknown) => {
          this.onServiceCall(startedAt, true);
          throw error;
        },
      );
    const credentials = response.ConnectionCredentials;
    // '' is a custom client's "I keep the token" (client/customClientAdapter.ts); the service never sends it.
    if (typeof credentials?.ConnectionToken !== 'string') {
      throw new ChatServiceError({ type: SERVICE_ERROR_TYPES.InvalidResponse, message: 'CreateParticipantConnection returned no ConnectionToken' });
    }
    return {
      url: response.Websocket?.Url ?? null,
      expiry: response.Websocket?.ConnectionExpiry ?? null,
      transportLifeTimeInSeconds: TIMINGS.transportLifetimeSeconds,
      connectionAcknowledged: connectParticipant,
      connectionToken: credentials.ConnectionToken,
      connectionTokenExpiry: credentials.Expiry ?? null,
    };
  }

  private async fetchFromStreams(use: ClientUse): Promise<ConnectionDetails> {
    const getToken = this.chatDetails.getConnectionToken;
    try {
      if (!getToken) throw new Error('no getConnectionToken');
      const answer = await getToken();
      const transport = answer?.chatTokenTransport;
      if (!transport?.participantToken) throw new Error('getConnectionToken resolved without chatTokenTransport.participantToken');
      return {
        url: null,
        expiry: null,
        transportLifeTimeInSeconds: TIMINGS.transportLifetimeSeconds,
        connectionAcknowledged: false,
        connectionToken: transport.participantToken,
        connectionTokenExpiry: transport.expiry ?? null,
      };
    } catch (error) {
      // As upstream: fall back to CreateParticipantConnection, which also acknowledges the participant.
      this.logger.warn('getConnectionToken failed; falling back to CreateParticipantConnection', error);
      return this.fetchFromService(true, use);
    }
  }
}
