import { channelReferenceKey } from '../../domain';
import { createSlackHarness, type SlackHarness } from './support/slack-harness';

describe('Slack: choosing the channel for approvals', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('"@Partner Link use this channel for approvals" from an admin: the channel is saved and the answer is posted there', async () => {
    // Taro's and Yuki's directory language is Japanese (issue 18's rule): they ask for English first.
    await h.dm('taro', 'in English');
    const res = await h.mention('taro', 'C06APPROVE', 'use this channel for approvals');
    expect(res.status).toBe(200);
    const saved = await h.store.references.get(channelReferenceKey('yamato-manufacturing', 'slack'));
    expect(saved?.reference).toMatchObject({ channelId: 'slack', conversation: { id: 'C06APPROVE', conversationType: 'channel' } });
    expect(h.posted('C06APPROVE').at(-1)!.text).toMatch(/will be posted in this channel/);
  });

  it('/partner approvals here from someone who is not an admin changes nothing', async () => {
    await h.dm('yuki', 'in English');
    await h.command('yuki', 'C06APPROVE', 'approvals here');
    expect(await h.store.references.get(channelReferenceKey('yamato-manufacturing', 'slack'))).toBeUndefined();
    expect(h.posted('C06APPROVE').at(-1)!.text).toMatch(/Only an admin/);
  });

  it('/partner approvals here in a DM asks for a channel instead', async () => {
    await h.dm('taro', 'in English');
    await h.command('taro', 'D06TAROITO', 'approvals here');
    expect(await h.store.references.get(channelReferenceKey('yamato-manufacturing', 'slack'))).toBeUndefined();
    expect(h.posted('D06TAROITO').at(-1)!.text).toMatch(/Say this in the team channel/);
  });
});
