// The Participant Service operations as command objects, in the shape the Participant client sends them
// (`client.send(new XCommand(input))`): each knows its operation's name and carries its input.

export class ParticipantCommand {
  readonly input: Record<string, unknown>;

  constructor(
    readonly operation: string,
    input: object | undefined,
  ) {
    this.input = (input ?? {}) as Record<string, unknown>;
  }
}

type CommandClass = new (input: object) => ParticipantCommand;

const command = (operation: string): CommandClass =>
  class extends ParticipantCommand {
    constructor(input: object) {
      super(operation, input);
    }
  };

export const CancelParticipantAuthenticationCommand = command('CancelParticipantAuthentication');
export const CompleteAttachmentUploadCommand = command('CompleteAttachmentUpload');
export const CreateParticipantConnectionCommand = command('CreateParticipantConnection');
export const DescribeViewCommand = command('DescribeView');
export const DisconnectParticipantCommand = command('DisconnectParticipant');
export const GetAttachmentCommand = command('GetAttachment');
export const GetAuthenticationUrlCommand = command('GetAuthenticationUrl');
export const GetTranscriptCommand = command('GetTranscript');
export const SendEventCommand = command('SendEvent');
export const SendMessageCommand = command('SendMessage');
export const StartAttachmentUploadCommand = command('StartAttachmentUpload');
