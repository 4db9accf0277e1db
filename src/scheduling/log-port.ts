/** The part of a pino logger the worker and scheduler use: structured objects, never message text. */
export interface LogPort {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}
