import { ConfigError, loadConfig } from '../../bot/config';
import { DEFAULT_UNDERSTANDING } from '../../dialogs';

/** Issue 18: when the bot asks which of two meanings a message has is configuration (NLU_ASK_BELOW, NLU_ASK_MARGIN). */
describe('NLU_ASK_BELOW and NLU_ASK_MARGIN', () => {
  it('default to the dialogs\' defaults, and are read as numbers', () => {
    const c = loadConfig({}, '/srv/pl');
    expect({ askBelow: c.NLU_ASK_BELOW, askMargin: c.NLU_ASK_MARGIN }).toEqual(DEFAULT_UNDERSTANDING);
    expect(loadConfig({ NLU_ASK_BELOW: '0.7', NLU_ASK_MARGIN: '0' }, '/srv/pl')).toMatchObject({ NLU_ASK_BELOW: 0.7, NLU_ASK_MARGIN: 0 });
  });

  it('a value outside 0..1 or not a number stops the start with the variable named', () => {
    expect(() => loadConfig({ NLU_ASK_BELOW: '60' }, '/srv/pl')).toThrow(ConfigError);
    expect(() => loadConfig({ NLU_ASK_MARGIN: 'close' }, '/srv/pl')).toThrow(/NLU_ASK_MARGIN: must be a number from 0 to 1 \(got "close"\)/);
  });
});
