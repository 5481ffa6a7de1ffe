import { loadOrTrainClassifier } from '../../adapters/nlpjs/load-or-train';

type Internals = { manager: { domainManagers: Record<string, { domains: Record<string, { cache?: { results: Record<string, Record<string, unknown>> } }> }>; container: { get(n: string): { cache?: { normalized: object } } } } };

describe('NLP.js remembers prepared utterances only for a while', () => {
  it('forgets them every 1,000 classifications, so distinct messages do not grow memory without bound', async () => {
    const { classifier } = await loadOrTrainClassifier();
    const internals = classifier.nlpjs as unknown as Internals;
    const remembered = () => {
      let n = 0;
      for (const dm of Object.values(internals.manager.domainManagers))
        for (const nlu of Object.values(dm.domains)) for (const byText of Object.values(nlu.cache?.results ?? {})) n += Object.keys(byText).length;
      return n;
    };
    let most = remembered(); // the training examples are not kept either
    for (let i = 0; i < 2500; i++) {
      await classifier.classify(i % 2 ? 'en' : 'ja', i % 2 ? `link me with distributor number ${i}` : `ディストリビューター${i}と連携したい`);
      most = Math.max(most, remembered());
    }
    expect(most).toBeGreaterThan(100); // it does remember (the cache is real)...
    expect(most).toBeLessThanOrEqual(1000); // ...but never more than 1,000
    expect(await classifier.classify('en', 'link me with a distributor')).toEqual(expect.arrayContaining([expect.objectContaining({ intent: 'link_distributor' })]));
  });
});
