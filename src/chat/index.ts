// The public face of src/chat: what features, adapters and app.ts may import.

export type { AccessDecision, AccessPort, AccessRefusal } from './access-port.ts';
export type { ChatAdapter, EventSink } from './adapter.ts';
export {
  capabilitiesOf,
  capabilityNames,
  noCapabilities,
  type PlatformCapabilities,
} from './capabilities.ts';
export { closestName, editDistance } from './closest-name.ts';
export {
  checks,
  formatOptionProblems,
  type InferOptions,
  type OptionCheck,
  type OptionDecl,
  type OptionDecls,
  optionsSchema,
  type RawOptions,
} from './command-options.ts';
export {
  type Audience,
  type Command,
  type CommandGroup,
  type CommandSpec,
  type CommandTable,
  CommandTableError,
  createCommandTable,
  defineCommand,
  defineGroup,
  type RootCommand,
  type TableEntry,
  type TableInput,
  type TypedCommand,
  type Where,
} from './command-table.ts';
export { type ConfirmStep, confirmView } from './confirm-view.ts';
export { type ErrorFields, errorFields } from './error-fields.ts';
export type { Actor, Attachment, ChatEvent, ChatEventKind, CommandOptionValue, Place } from './events.ts';
export type { ParsedFormValues } from './form-submission.ts';
export { apologyView, optionProblemsView, refusalView } from './gentle-replies.ts';
export {
  type ActionContext,
  type ActionHandler,
  actionsByName,
  type CommandContext,
  type CommandHandler,
  type DirectMessageContext,
  type DirectMessageHandler,
  type EventOfKind,
  type FormContext,
  type FormHandler,
  formsByName,
  type HandlerContext,
  type MemberJoinedContext,
  type MemberJoinedHandler,
  UnknownRouteError,
} from './handler-types.ts';
export { buildHelpView, type MayUse } from './help.ts';
export { checkFormValues, checkValue, type InputCheck, InputCheckSchema } from './input-checks.ts';
export { commandNamePattern, discordLimits, slackLimits, ViewLimitError } from './limits.ts';
export {
  type LiteralText,
  literal,
  type MarkupPiece,
  type MarkupText,
  markup,
  parseMarkup,
  toPlainText,
} from './markup.ts';
export { matchChoice, matchChoices } from './match-choice.ts';
export { hasNoticeShape, type NoticeInput, type NoticeView, noticeView } from './notice.ts';
export {
  type ChatClient,
  DeliveryError,
  type DeliveryFailure,
  type FileUpload,
  OUTBOX_REQUEST_TIMEOUT_MS,
  type PlatformPerson,
  type Reply,
  type ScheduledEventInput,
  type ScheduledEventResult,
} from './outbound.ts';
export { type FormPage, mergePageValues, type PaginateOptions, paginateForm } from './paginate-form.ts';
export { type ParsedCommandText, parseCommandText } from './parse-command-text.ts';
export type { ChannelRef, MessageRef, Platform, UserRef, WorkspaceRef } from './refs.ts';
export { platforms } from './refs.ts';
export { createRouter, type EventDedupe, type Logger, type RouterDeps } from './router.ts';
export { moreMarker, splitText, truncateText } from './split-text.ts';
export {
  type Block,
  type Button,
  type ButtonStyle,
  type Choice,
  type Form,
  type FormInput,
  type FormValues,
  type Select,
  type View,
  view,
} from './views.ts';
