export {
  FakeSlackApi,
  type FakeSlackApiOptions,
  type SlackCall,
  type SlackFailure,
  type SlackFailurePolicy,
} from './fake-slack-api.ts';
export {
  type EnvelopeType,
  FakeSocketMode,
  type SendEnvelopeOptions,
  type SocketAck,
} from './fake-socket-mode.ts';
export {
  type SignedResponse,
  type SignOptions,
  SlackRequestSender,
  slackSignature,
} from './signed-request.ts';
export { DEFAULT_SLACK_IDENTITY, nextTs, type SlackIdentity } from './slack-ids.ts';
export {
  appHomeOpenedEvent,
  blockActionsPayload,
  DEFAULT_ACTOR,
  directMessageEvent,
  eventCallback,
  memberJoinedChannelEvent,
  type SlackActor,
  slashCommandPayload,
  viewSubmissionPayload,
} from './slack-payloads.ts';
export { type ViewAnswers, viewStateFor } from './slack-view-state.ts';
export type { SlackUserSeed } from './slack-workspace.ts';
