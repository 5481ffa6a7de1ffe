import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';
import { TestClock } from '../support/test-clock';

/**
 * Issue 15 on Teams (the bot harness speaks as Teams users): who must act, change a pending request,
 * file a closed one again, hand over, notes; in English and Japanese.
 */
const ID = /PL-[0-9A-Z]{8}/;

async function fileLink(h: BotHarness, locale: string, text: string) {
  const confirmation = (await h.say('mei-kobayashi', text, locale)).at(-1)!;
  const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
  return ID.exec(done.cardText)![0];
}
const deliveredTo = (h: BotHarness, who: string) => h.delivered.filter((d) => d.to === who).map((d) => strings(d.message.card));

describe('Teams: who must act, change, file again, hand over, notes (issue 15)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  describe('who must act', () => {
    it('in English: status and the detail card name the step, the organization and the admins; a stranger learns nothing', async () => {
      const id = await fileLink(h, 'en-US', 'link us with Contoso Distribution Japan');
      const [status] = await h.say('mei-kobayashi', 'show my requests', 'en-US');
      expect(status!.cardText).toContain(id);
      expect(status!.cardText).toContain('1 of 1: Contoso Distribution Japan');
      expect(status!.cardText).toMatch(/Can decide: (Hiroshi Yamada, Emily Clark|Emily Clark, Hiroshi Yamada)/);
      const detail = await h.execute('mei-kobayashi', { verb: 'show_request', requestId: id }, 'en-US');
      expect(strings(detail.card)).toContain('Current step');
      expect(strings(detail.card)).toContain('Hiroshi Yamada');
      const stranger = await h.execute('lena-vogel', { verb: 'show_request', requestId: id }, 'en-US');
      expect(strings(stranger.card)).not.toContain('Hiroshi Yamada');
      expect(strings(stranger.card)).toContain(`can't find request ${id}`);
    });

    it('in Japanese: after step 1 of two, the requester is told who approved and who decides next; the step-1 card says who approved', async () => {
      await h.say('daniel-park', 'hello', 'en-US', 'teams');
      await h.say('taro-ito', 'こんにちは', 'ja-JP', 'teams');
      const ask = (await h.say('taro-ito', 'Azure のパートナーとしてトレイ・リサーチ・ダイレクトを追加したい', 'ja-JP', 'teams')).at(-1)!;
      const confirm = buttonData(ask.card, 'confirm') ? ask : (await h.execute('taro-ito', { ...buttonData(ask.card, 'submit_form')!, workload: 'azure', partnerId: 'trey-research-direct' }, 'ja-JP', 'teams')).answer!;
      const done = (await h.execute('taro-ito', buttonData(confirm.card, 'confirm')!, 'ja-JP', 'teams')).answer!;
      const id = ID.exec(done.cardText)![0];
      const v = (await h.store.requests.get(id))!.version;
      const clicked = await h.execute('daniel-park', { verb: 'approve', requestId: id, version: v }, 'en-US', 'teams');
      // Daniel's card now says who approved step 1 (it was "Waiting for a decision by an admin of …" only).
      expect(strings(clicked.card)).toMatch(/Step 1 approved by Daniel Park/);
      // Taro, the requester, hears after step 1: approved by Daniel, now Yamato decides, and who can.
      // (Taro is also the step-2 approver: issue 18, he gets one card, the approval card, which says it.)
      const toTaro = h.delivered.filter((d) => d.to === 'taro-ito' && strings(d.message.card).includes(id));
      expect(toTaro).toHaveLength(1);
      expect(buttonData(toTaro[0]!.message.card, 'approve')).toBeDefined();
      const told = strings(toTaro[0]!.message.card);
      expect(told).toContain('Daniel Park');
      expect(told).toContain('2/2');
      expect(told).toContain('Taro Ito');
    });
  });

  describe('typed details (issue 18)', () => {
    it.each([
      ['en-US', (id: string) => `${id} details`, 'Current step'],
      ['ja-JP', (id: string) => `${id}の詳細`, '現在'],
    ])('%s: a request ID with "details" opens its detail card; a stranger learns nothing', async (locale, ask, heading) => {
      const id = await fileLink(h, locale, locale === 'en-US' ? 'link us with Contoso Distribution Japan' : 'コントソ・ディストリビューション・ジャパンと連携したい');
      const [detail] = await h.say('mei-kobayashi', ask(id), locale);
      expect(detail!.cardText).toContain(id);
      expect(detail!.cardText).toContain(heading);
      expect(detail!.cardText).toContain('Hiroshi Yamada');
      const [stranger] = await h.say('lena-vogel', ask(id), locale);
      expect(stranger!.cardText).not.toContain('Hiroshi Yamada');
    });
  });

  describe('change a pending request', () => {
    it('in English: asking again names the open request; the change is a new version, the old approvers\' cards are replaced, the audit shows it', async () => {
      await h.say('hiroshi-yamada', 'hello', 'en-US');
      const id = await fileLink(h, 'en-US', 'link us with Contoso Distribution Japan');
      const posted = h.delivered.filter((d) => d.to === 'hiroshi-yamada').length;
      expect(posted).toBeGreaterThan(0);
      // Asking for a distributor again: the bot names the open one instead of silently starting a second.
      const again = await h.say('mei-kobayashi', 'I want to link with a distributor', 'en-US');
      expect(again[0]!.text).toContain(id);
      expect(again[0]!.text).toContain('change');
      await h.say('mei-kobayashi', 'stop', 'en-US');
      // She changes it: the form, then the confirmation, then a new version.
      const start = await h.say('mei-kobayashi', `change ${id}`, 'en-US');
      expect(start[0]!.text).toContain(`Changing your open request ${id}`);
      const form = start.at(-1)!;
      const choices = strings(form.card);
      expect(choices).toContain('Tailspin Distribution KK');
      const confirm = (await h.execute('mei-kobayashi', { ...buttonData(form.card, 'submit_form')!, providerId: 'tailspin-distribution-jp' }, 'en-US')).answer!;
      const changed = await h.execute('mei-kobayashi', buttonData(confirm.card, 'confirm')!, 'en-US');
      expect(strings([changed.card, changed.replies])).toContain(`${id} is now version`);
      const after = (await h.store.requests.get(id))!;
      expect(after.subject).toMatchObject({ providerId: 'tailspin-distribution-jp' });
      expect(after.audit.at(-1)).toMatchObject({ action: 'change', previousSubject: { providerId: 'contoso-distribution-jp' }, actor: { personId: 'mei-kobayashi' } });
      // Hiroshi's posted card was replaced: it no longer has buttons.
      const replaced = h.updated.at(-1)!;
      expect(buttonData(replaced.message.card, 'approve')).toBeUndefined();
      // Redrawn for Hiroshi, whose directory language is Japanese (issue 18: one rule for redrawn cards).
      expect(strings(replaced.message.card)).toContain('テイルスピン・ディストリビューション');
      // Only one request exists.
      expect((await h.store.requests.listByRequester('mei-kobayashi')).length).toBe(1);
      const detail = await h.execute('mei-kobayashi', { verb: 'show_request', requestId: id }, 'en-US');
      expect(strings(detail.card)).toContain('Changed (new version)');
    });

    it('in Japanese: the Change request button on the detail card; someone else cannot change it', async () => {
      const id = await fileLink(h, 'ja-JP', 'コントソ・ディストリビューション・ジャパンと連携したい');
      const detail = await h.execute('mei-kobayashi', { verb: 'show_request', requestId: id }, 'ja-JP');
      const change = buttonData(detail.card, 'change_request')!;
      expect(change).toMatchObject({ requestId: id });
      // Hiroshi is not the requester: refused (the dialog is never started for him).
      const out = await h.execute('hiroshi-yamada', change, 'ja-JP');
      expect(strings([out.card, out.replies])).toContain('申請者本人だけ');
      const start = await h.execute('mei-kobayashi', change, 'ja-JP');
      expect(strings([start.card, start.replies])).toContain(`進行中の申請 ${id} (ディストリビューターとの連携: コントソ・ディストリビューション・ジャパン, 承認待ち) を変更します`);
      const form = start.answer!;
      const confirm = (await h.execute('mei-kobayashi', { ...buttonData(form.card, 'submit_form')!, providerId: 'tailspin-distribution-jp' }, 'ja-JP')).answer!;
      const changed = await h.execute('mei-kobayashi', buttonData(confirm.card, 'confirm')!, 'ja-JP');
      expect(strings([changed.card, changed.replies])).toContain('第 3 版');
      // Contoso is no longer named by the request: Hiroshi no longer sees it.
      const gone = await h.execute('hiroshi-yamada', { verb: 'show_request', requestId: id }, 'ja-JP');
      expect(strings(gone.card)).toContain(`申請 ${id}が見つかりません`);
    });
  });

  describe('file again', () => {
    it('in English: a rejected request is filed again from its card, prefilled and checked again', async () => {
      // Mei is Japanese by the directory: she asks for English, so the rejection notice (and its button) is English.
      await h.say('mei-kobayashi', 'in English', 'en-US');
      const id = await fileLink(h, 'en-US', 'link us with Contoso Distribution Japan');
      const v = (await h.store.requests.get(id))!.version;
      await h.execute('hiroshi-yamada', { verb: 'reject', requestId: id, version: v, reason: 'MPA not signed yet' }, 'en-US');
      const told = h.delivered.filter((d) => d.to === 'mei-kobayashi').at(-1)!;
      const again = buttonData(told.message.card, 'resubmit')!;
      expect(again).toEqual({ verb: 'resubmit', requestId: id, lang: 'en' });
      const out = await h.execute('mei-kobayashi', again, 'en-US');
      expect(out.replies[0]!.text).toContain(`Filing ${id} again`);
      const confirmation = out.answer!;
      expect(confirmation.cardText).toContain('Contoso Distribution Japan');
      const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
      const second = ID.exec(done.cardText)![0];
      expect(second).not.toBe(id);
      expect((await h.store.requests.get(second))?.status).toBe('pending_approval');
    });

    it('in Japanese: 「再申請」 for a cancelled request; an open or approved one cannot be filed again', async () => {
      const id = await fileLink(h, 'ja-JP', 'コントソ・ディストリビューション・ジャパンと連携したい');
      const early = await h.execute('mei-kobayashi', { verb: 'resubmit', requestId: id }, 'ja-JP');
      expect(strings([early.card, early.replies])).toContain('もう一度申請できるのは');
      await h.say('mei-kobayashi', `${id} を取り消して`, 'ja-JP');
      const out = await h.say('mei-kobayashi', `${id} を再申請`, 'ja-JP');
      expect(out[0]!.text).toContain(`${id} を同じ内容でもう一度申請します`);
      expect(out.at(-1)!.cardText).toContain('コントソ');
      expect(buttonData(out.at(-1)!.card, 'confirm')).toBeDefined();
    });
  });

  describe('hand over', () => {
    it('in English: Hiroshi hands the request over to Emily, who gets the card; the audit records it', async () => {
      await h.say('hiroshi-yamada', 'hello there', 'en-US'); // a sentence in English: his clicks here answer in English
      await h.say('emily-clark', 'hello', 'en-US');
      const id = await fileLink(h, 'en-US', 'link us with Contoso Distribution Japan');
      const before = deliveredTo(h, 'emily-clark').length;
      const detail = await h.execute('hiroshi-yamada', { verb: 'show_request', requestId: id }, 'en-US');
      const hand = buttonData(detail.card, 'handover')!;
      expect(strings(detail.card)).toContain('Emily Clark');
      const out = await h.execute('hiroshi-yamada', { ...hand, handoverTo: 'emily-clark' }, 'en-US');
      expect(strings(out.card)).toContain('Hiroshi Yamada handed this request over to Emily Clark');
      const emily = deliveredTo(h, 'emily-clark');
      expect(emily.length).toBe(before + 1);
      expect(emily.at(-1)).toContain(id);
      const r = (await h.store.requests.get(id))!;
      expect(r.audit.at(-1)).toMatchObject({ action: 'handover', handedTo: { personId: 'emily-clark' }, actor: { personId: 'hiroshi-yamada' } });
      // Who must act now names Emily alone.
      const [status] = await h.say('mei-kobayashi', 'show my requests', 'en-US');
      expect(status!.cardText).toContain('Can decide: Emily Clark');
      // Not to someone outside the organization, and a non-admin cannot hand over.
      const bad = await h.execute('hiroshi-yamada', { ...hand, handoverTo: 'lena-vogel' }, 'en-US');
      expect(strings(bad.card)).toContain('only to another admin of');
      await h.say('naoki-mori', 'in English', 'en-US'); // his directory language is Japanese (issue 18)
      const naoki = await h.execute('naoki-mori', { ...hand, handoverTo: 'emily-clark' }, 'en-US');
      expect(strings(naoki.card)).toContain('Only an admin');
    });

    it('in Japanese: 「PL-… を Emily に引き継ぎ」 by text', async () => {
      await h.say('emily-clark', 'hello', 'en-US');
      const id = await fileLink(h, 'ja-JP', 'コントソ・ディストリビューション・ジャパンと連携したい');
      const out = await h.say('hiroshi-yamada', `${id} を Emily に引き継いでください`, 'ja-JP');
      expect(strings(out)).toContain('Emily Clarkに引き継ぎました');
      expect(deliveredTo(h, 'emily-clark').at(-1)).toContain(id);
      expect((await h.store.requests.get(id))!.audit.at(-1)).toMatchObject({ action: 'handover', platform: 'teams' });
    });
  });

  describe('notes', () => {
    it('in English: the requester adds a note; the approvers are told; it is in the detail card and the audit; too long is refused', async () => {
      await h.say('hiroshi-yamada', 'hello', 'en-US');
      const id = await fileLink(h, 'en-US', 'link us with Contoso Distribution Japan');
      const out = await h.say('mei-kobayashi', `add a note to ${id}: we signed the MPA yesterday`, 'en-US');
      expect(strings(out)).toContain('we signed the MPA yesterday');
      // The notice follows the rule: Hiroshi's directory language is Japanese (issue 18).
      expect(deliveredTo(h, 'hiroshi-yamada').at(-1)).toContain('申請に新しいメモがあります');
      expect(deliveredTo(h, 'hiroshi-yamada').at(-1)).toContain('Mei Kobayashi');
      const r = (await h.store.requests.get(id))!;
      expect(r.audit.at(-1)).toMatchObject({ action: 'note', note: 'we signed the MPA yesterday' });
      expect(r.version).toBe(2); // a note does not make the approvers' cards stale
      const tooLong = await h.execute('mei-kobayashi', { verb: 'add_note', requestId: id, note: 'x'.repeat(500) + '!' }, 'en-US');
      expect(tooLong.answer).toBeDefined(); // the click is refused at the edge: the schema bounds it too
      expect((await h.store.requests.get(id))!.audit.filter((e) => e.action === 'note')).toHaveLength(1);
      const blank = await h.execute('mei-kobayashi', { verb: 'add_note', requestId: id, note: '   ' }, 'en-US');
      expect(strings(blank.card)).toContain('A note must be 1 to 500 characters');
      const stranger = await h.execute('lena-vogel', { verb: 'add_note', requestId: id, note: 'hello' }, 'en-US');
      expect(strings(stranger.card)).toContain(`can't find request ${id}`);
    });

    it('in Japanese: an approver writes a note from the detail card; the requester is told', async () => {
      await h.say('mei-kobayashi', 'こんにちは', 'ja-JP');
      const id = await fileLink(h, 'ja-JP', 'コントソ・ディストリビューション・ジャパンと連携したい');
      const detail = await h.execute('hiroshi-yamada', { verb: 'show_request', requestId: id }, 'ja-JP');
      const note = buttonData(detail.card, 'add_note')!;
      const out = await h.execute('hiroshi-yamada', { ...note, note: '契約書を確認中です' }, 'ja-JP');
      expect(strings(out.card)).toContain('契約書を確認中です');
      expect(strings(out.card)).toContain('メモ');
      expect(deliveredTo(h, 'mei-kobayashi').at(-1)).toContain('Hiroshi Yamadaが');
      expect(deliveredTo(h, 'mei-kobayashi').at(-1)).toContain('契約書を確認中です');
    });
  });
  describe('notes and hand-overs go through the request\'s outbox', () => {
    it('each is sent once per reader: a failed send is kept and retried, and being asked again sends nothing twice', async () => {
      const clock = new TestClock('2026-04-01T00:00:00Z');
      const c = await createBotHarness({ clock });
      try {
        await c.say('hiroshi-yamada', 'hello', 'en-US');
        await c.say('emily-clark', 'hello', 'en-US');
        const id = await fileLink(c, 'en-US', 'link us with Contoso Distribution Japan');
        const notes = (who: string) => deliveredTo(c, who).filter((t) => t.includes('we signed the MPA'));
        c.senders.teams.failures = 1; // the first reader's delivery fails
        await c.say('mei-kobayashi', `add a note to ${id}: we signed the MPA`, 'en-US');
        expect(notes('hiroshi-yamada').length + notes('emily-clark').length).toBe(1);
        expect((await c.store.requests.getNotices(id))!.notices.map((n) => n.kind)).toEqual(['note']);
        const r = (await c.store.requests.get(id))!;
        const entry = r.audit.at(-1)!;
        await c.notifier.noteAdded(r, entry); // asked again: only what the outbox holds is sent
        await clock.advance(60_000);
        await c.notifier.retryPending();
        expect(notes('hiroshi-yamada')).toHaveLength(1);
        expect(notes('emily-clark')).toHaveLength(1);
        expect(notes('mei-kobayashi')).toHaveLength(0);
        expect((await c.store.requests.getNotices(id))!.notices).toEqual([]);

        const before = c.delivered.filter((d) => d.to === 'emily-clark').length;
        const v = (await c.store.requests.get(id))!.version;
        await c.execute('hiroshi-yamada', { verb: 'handover', requestId: id, version: v, handoverTo: 'emily-clark' }, 'en-US');
        const handed = (await c.store.requests.get(id))!;
        await c.notifier.handedOver(handed, handed.audit.at(-1)!);
        await c.notifier.retryPending();
        const cards = c.delivered.filter((d) => d.to === 'emily-clark').slice(before);
        expect(cards).toHaveLength(1);
        expect(buttonData(cards[0]!.message.card, 'approve')).toBeDefined();
      } finally {
        await c.destroy();
      }
    });
  });
});
