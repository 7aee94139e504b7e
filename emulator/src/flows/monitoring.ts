// Supervisor monitoring: a SUPERVISOR participant on a chat. Silent monitoring publishes nothing (the
// customer and agent are not told) and the supervisor may not send messages; barging in publishes
// participant.joined with ParticipantRole SUPERVISOR, after which it chats like the agent.
import { senderOf, type ChatService } from '../chat/chatService';
import { EventTypes } from '../core/contentTypes';
import { conflictError, ServiceError } from '../core/errors';
import type { Contact, Participant, Store } from '../store/store';

export type MonitorMode = 'SILENT_MONITOR' | 'BARGE';

export class Monitoring {
  /** Supervisors monitoring silently (participant ids); the others have barged in. */
  private readonly silent = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly chat: ChatService,
  ) {}

  /** A supervisor starts monitoring `contact`; with BARGE it joins the conversation at once. */
  monitor(contact: Contact, displayName: string, mode: MonitorMode): Participant {
    const supervisor = this.store.addParticipant(contact, 'SUPERVISOR', displayName);
    this.silent.add(supervisor.participantId);
    if (mode === 'BARGE') this.barge(contact, supervisor);
    return supervisor;
  }

  /** A silent supervisor barges in: everyone sees it join. */
  barge(contact: Contact, supervisor: Participant): void {
    if (supervisor.role !== 'SUPERVISOR') throw conflictError(`Participant ${supervisor.participantId} is not a supervisor`);
    if (!this.silent.delete(supervisor.participantId)) throw conflictError(`Supervisor ${supervisor.participantId} has already barged in`);
    this.chat.sendEvent(contact, senderOf(supervisor), EventTypes.joined);
  }

  modeOf(participantId: string): MonitorMode {
    return this.silent.has(participantId) ? 'SILENT_MONITOR' : 'BARGE';
  }

  /** SendMessage by a silent monitor is refused, as the service refuses a monitor-only connection. */
  checkMaySend(participant: Participant): void {
    if (this.silent.has(participant.participantId)) throw new ServiceError(403, 'AccessDeniedException', 'A silently monitoring supervisor cannot send messages; barge in first');
  }

  forget(contact: Contact): void {
    contact.participants.forEach((participant) => this.silent.delete(participant.participantId));
  }
}
