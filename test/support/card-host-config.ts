/**
 * A host config and style sheet that look like Microsoft Teams' light theme, for rendering cards with
 * the official `adaptivecards` renderer in headless Chromium (the browser test and the gallery).
 * Segoe UI / Yu Gothic UI / Meiryo are what Teams uses on Windows; Linux falls back to Noto Sans CJK JP
 * (Debian package fonts-noto-cjk) for Japanese and Liberation Sans / DejaVu Sans for Latin text.
 */
export const FONT_STACK =
  '"Segoe UI", "Yu Gothic UI", "Meiryo UI", "Noto Sans CJK JP", "Noto Sans JP", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

const colors = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
  accent: { default: '#5B5FC7', subtle: '#7F85F5' },
  good: { default: '#0E700E', subtle: '#2E8B2E' },
  warning: { default: '#835C00', subtle: '#9A6C00' },
  attention: { default: '#C4314B', subtle: '#D2576C' },
};
const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: colors });

export const TEAMS_LIGHT_HOST_CONFIG = {
  fontFamily: FONT_STACK,
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: style('#FFFFFF'),
    emphasis: style('#F5F5F5'),
    accent: style('#E8EBFA'),
    good: style('#E7F2DA'),
    attention: style('#FDF3F4'),
    warning: style('#FBF6D9'),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 12, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  textStyles: { heading: { size: 'large', weight: 'bolder', color: 'default', isSubtle: false, fontType: 'default' } },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: true, weight: 'default', wrap: true, maxWidth: 160 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { size: 'small', color: 'attention' },
  },
};

/** Buttons and inputs as Teams draws them (the renderer's own CSS is loaded first, then this). */
export const TEAMS_LIGHT_CSS = `
  html, body { margin: 0; background: #F5F5F5; }
  body { font-family: ${FONT_STACK}; -webkit-font-smoothing: antialiased; }
  #frame { display: inline-block; padding: 16px; }
  #host { width: var(--card-width, 520px); background: #FFFFFF; border-radius: 6px;
          box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-pushButton { font-family: ${FONT_STACK}; font-size: 14px; font-weight: 600; min-height: 32px;
                   padding: 5px 12px; border-radius: 4px; background: #FFFFFF; color: #242424;
                   border: 1px solid #D1D1D1; }
  .ac-pushButton.style-positive, .ac-pushButton.primary { background: #5B5FC7; color: #FFFFFF; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { background: #FFFFFF; color: #C4314B; border-color: #D1D1D1; }
  .ac-pushButton.expanded { background: #EBEBEB; color: #242424; border-color: #C7C7C7; }
  .ac-pushButton:hover, .ac-pushButton:active { background: #F5F5F5; color: #242424; border-color: #C7C7C7; }
  .ac-pushButton.style-positive:hover, .ac-pushButton.primary:hover { background: #4F52B2; color: #FFFFFF; border-color: #4F52B2; }
  .ac-pushButton.style-destructive:hover { background: #FFFFFF; color: #A4262C; border-color: #C7C7C7; }
  .ac-pushButton.expandable:after, .ac-pushButton.expandable.expanded:after { content: none; }
  .ac-input, .ac-input input, .ac-input textarea, .ac-input select, .ac-textInput, select.ac-input {
    font-family: ${FONT_STACK}; font-size: 14px; color: #242424; }
  input.ac-textInput, textarea.ac-textInput, select.ac-choiceSetInput-compact {
    border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 6px 8px; background: #FFFFFF; }
`;
