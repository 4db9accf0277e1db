// Platform limits in one place, so renderers and their tests agree on the numbers.
// Sources: Slack Block Kit reference (api.slack.com/reference/block-kit), Discord developer
// docs (message resource, components reference, application commands). Counted in UTF-16
// code units, as both platforms count them.

export const slackLimits = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  /** Top-level `text` of chat.postMessage; Slack truncates beyond 40,000 but advises 4,000. */
  messageText: 4_000,
  sectionText: 3_000,
  fieldsPerSection: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  contextText: 3_000,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2_000,
  url: 3_000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  /** Checkboxes take at most 10 options; beyond that a modal uses a multi-select. */
  checkboxOptions: 10,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3_000,
  inputLabel: 2_000,
  inputHint: 2_000,
  plainTextInputMax: 3_000,
  blockId: 255,
  slashCommandDescription: 2_000,
  slashCommandUsageHint: 1_000,
} as const;

export const discordLimits = {
  content: 2_000,
  embedDescription: 4_096,
  embedFieldName: 256,
  embedFieldValue: 1_024,
  embedFields: 25,
  embedsTotal: 6_000,
  embedsPerMessage: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  buttonLabel: 80,
  customId: 100,
  url: 512,
  modalTitle: 45,
  /** Top-level components in a modal (labels, text displays). */
  modalComponents: 5,
  labelText: 45,
  labelDescription: 100,
  textInputPlaceholder: 100,
  textInputValue: 4_000,
  textDisplay: 4_000,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  stringOptionMaxLength: 6_000,
  /** Sum of every name, description and choice in one command. */
  commandTotalChars: 8_000,
} as const;

/** Discord's rule for command, group and option names (lowercase enforced separately). */
export const commandNamePattern = /^[-_\p{L}\p{N}]{1,32}$/u;

/**
 * An id or payload that cannot be shortened without breaking it (an action id, a button
 * value, a form's context) is over a platform limit: a developer mistake, caught in tests.
 */
export class ViewLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ViewLimitError';
  }
}

export function assertWithin(what: string, value: string, max: number): string {
  if (value.length > max) {
    throw new ViewLimitError(
      // The value itself is left out: this error reaches logs and the outbox's lastError.
      `${what} is ${value.length} characters, over the limit of ${max}.`,
    );
  }
  return value;
}
