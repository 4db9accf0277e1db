// The public face of scheduling: what features, adapters and app.ts may use. Everything else
// in this folder (the outbox SQL, payload codec, rate-limit internals) is private to it.

export { AdaptivePace, type PaceRule } from './adaptive-pace.ts';
export { type BackoffOptions, backoffDelay } from './backoff.ts';
export { type Clock, ManualClock, systemClock, type TimerHandle } from './clock.ts';
export type { DeliveryCounts } from './delivery-counts.ts';
export type { LogPort } from './log-port.ts';
export {
  type ClaimInput,
  claimOccurrence,
  finishClaim,
  occurrenceKey,
  recordMissed,
} from './occurrence-claims.ts';
export {
  createOutbox,
  type DbClient,
  enqueueOutbox,
  enqueueOutboxMany,
  type OrdinaryMessage,
  type Outbox,
  type OutboxMessageInput,
  type OutboxTarget,
  type PrivateDelivery,
  type PrivateDeliveryMessage,
  type PrivateKind,
  PrivateTextInNoticeError,
  PrivateToChannelError,
  privateKinds,
} from './outbox.ts';
export {
  type OutboxOverview,
  type OutboxRowSummary,
  type OutboxScope,
  outboxOverview,
  type RetryResult,
  retryDead,
} from './outbox-admin.ts';
export { type RedrawResult, redrawSent, redrawWhenSent, replaceOutboxView } from './outbox-redraw.ts';
export { paceKeys, rateKeys } from './outbox-routing.ts';
export {
  createOutboxWorker,
  type DeliveryResult,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from './outbox-worker.ts';
export {
  type PrivateDeliveryCheck,
  type PrivateDeliveryRequest,
  refuseAllPrivateDeliveries,
} from './private-delivery-check.ts';
export {
  deliverableAt,
  formatQuietHours,
  isQuiet,
  NO_QUIET_HOURS,
  parseQuietHours,
  type QuietHours,
  type QuietHoursParse,
  type QuietHoursProblem,
  QuietHoursSchema,
  quietEndsAt,
} from './quiet-hours.ts';
export {
  type BucketRule,
  createRateLimiter,
  platformPaceRule,
  platformPaceRules,
  platformRateRule,
  platformRateRules,
  type RateLimiter,
} from './rate-limiter.ts';
export {
  describeSchedule,
  formatTimeOfDay,
  instantAtLocalTime,
  isValidTimeZone,
  type LocalTime,
  localTimeInZone,
  nextOccurrences,
  occurrencesBetween,
  type Parsed,
  parseSchedule,
  parseScheduleText,
  parseTimeOfDay,
  type RRuleSchedule,
  RRuleScheduleSchema,
  type Schedule as ScheduleSpec,
  ScheduleSchema,
  TimeOfDaySchema,
  TimeZoneSchema,
  type TimeZoneTrouble,
  timeZoneProblem,
  typedTimeZoneProblem,
  typedTimeZoneTrouble,
  WEEKDAY_CODES,
  type WeekdayCode,
  type WeeklySchedule,
  WeeklyScheduleSchema,
} from './recurrence.ts';
export { decodeScheduleRule, encodeScheduleRule } from './schedule-rule.ts';
export {
  type BatchPlan,
  createScheduler,
  type Occurrence,
  type OccurrenceContext,
  type OccurrenceHandler,
  type PeriodicJob,
  type ScheduleKind,
  type Scheduler,
  type SchedulerOptions,
  type TickReport,
} from './scheduler.ts';
export { uuidv7 } from './uuid7.ts';
