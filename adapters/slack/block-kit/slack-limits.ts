/**
 * Slack's Block Kit limits this renderer enforces (docs.slack.dev, Block Kit reference). Lengths are
 * counted in UTF-16 code units, which is never fewer than Slack's character count, so staying under
 * them here keeps a message valid there.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  imageUrl: 3000,
  altText: 2000,
  blockId: 255,
  actionId: 255,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  /** radio_buttons and checkboxes take at most 10 options. */
  toggleOptions: 10,
  plainTextInput: 3000,
  /** The message `text` summary (Slack truncates beyond 40k; we keep it short for notifications). */
  summaryText: 3000,
} as const;
