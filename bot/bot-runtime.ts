import { createNlpjsRecognizer } from '../adapters/nlpjs';
import type { PartnerLinkService} from '../domain';
import { type StorePort } from '../domain';
import type { Config } from './config';
import type { Logger } from './logger';
import { Notifier, platformUserIds } from './notifier';
import { PartnerLinkBot } from './partner-link.bot';
import { createService } from './runtime';

export interface BotRuntime {
  store: StorePort;
  service: PartnerLinkService;
  notifier: Notifier;
  bot: PartnerLinkBot;
}

/**
 * Builds the one bot both platforms share: the recognizer (the model the build trained, with the
 * directory's organization names), the domain service, the notifier and the dialogs.
 */
export async function createBotRuntime(store: StorePort, config: Config, logger: Logger): Promise<BotRuntime> {
  const organizations = (await store.directory.listOrganizations()).map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
  const recognizer = await createNlpjsRecognizer({ organizations });
  const service = createService(store, config);
  const notifier = new Notifier(store, service, logger);
  const bot = new PartnerLinkBot({
    store,
    logger,
    dialogs: {
      service,
      directory: store.directory,
      recognizer,
      notifier,
      policy: config.policy,
      platformUserIds: (people) => platformUserIds(store, people),
    },
  });
  return { store, service, notifier, bot };
}
