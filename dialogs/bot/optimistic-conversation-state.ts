import { ConversationState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { DialogError } from '../dialog-errors';

interface Cached {
  state: StoreItem;
  /** The state as JSON when it was loaded or last saved: a change is a different string. */
  json: string;
  /** The stored eTag the state was loaded with; undefined for a conversation with no state yet. */
  eTag?: string;
}

/**
 * botbuilder's BotState writes every change with eTag '*', so the last writer wins: two bot instances
 * taking turns of one conversation at the same moment would silently overwrite each other. This
 * subclass writes with the eTag it loaded, so the store refuses the second writer (ETagConflictError)
 * and no turn's state is lost without anyone knowing.
 *
 * It keeps its own per-turn cache (BotState's is private) and overrides every method that touches it.
 * A change is found by comparing the state's JSON with what was loaded, as the stores keep it as
 * JSON anyway; BotState hashes it (sha256 over a replacer-driven stringify, three times a turn).
 */
export class OptimisticConversationState extends ConversationState {
  private readonly cacheKey = Symbol('partner-link.conversation-state');

  /**
   * @param isShared whether the turn's conversation is shared (a Teams channel or group chat, a Slack
   *   channel): there each person has their own state, under the conversation's key plus
   *   `/users/<their platform ID>`, so one person's "yes" cannot answer another's draft. Personal
   *   conversations keep botbuilder's key, so state saved before this keeps working.
   */
  constructor(
    storage: Storage,
    private readonly isShared: (context: TurnContext) => boolean = () => false,
  ) {
    super(storage);
  }

  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    if (!key || !this.isShared(context)) return key;
    const user = context.activity.from?.id;
    if (!user) throw new DialogError('STATE_KEY_MISSING', 'a turn in a shared conversation has no sender (activity.from.id)');
    return `${key}users/${encodeURIComponent(user)}`;
  }

  override async load(context: TurnContext, force = false): Promise<StoreItem> {
    const cached: Cached | undefined = context.turnState.get(this.cacheKey);
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const { eTag, ...state } = (items[key] ?? {}) as StoreItem;
    const next: Cached = { state, json: JSON.stringify(state), ...(typeof eTag === 'string' ? { eTag } : {}) };
    context.turnState.set(this.cacheKey, next);
    return next.state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached: Cached | undefined = context.turnState.get(this.cacheKey);
    const json = cached ? JSON.stringify(cached.state) : '{}';
    if (!force && (!cached || cached.json === json)) return;
    cached ??= { state: {}, json: '' };
    const key = await this.storageKey(context);
    // A conversation's first write has nothing to compare with; '*' creates it.
    const sent = cached.eTag ?? '*';
    const item: StoreItem = { ...cached.state, eTag: sent };
    await this.storage.write({ [key]: item });
    // Our stores put the new eTag on the item they were given, so that a second save in the same
    // turn stays conditional; a store that does not is asked (one more read).
    const eTag = item.eTag !== sent ? item.eTag : ((await this.storage.read([key]))[key] as StoreItem | undefined)?.eTag;
    const saved: Cached = { state: cached.state, json, ...(typeof eTag === 'string' ? { eTag } : {}) };
    context.turnState.set(this.cacheKey, saved);
  }

  override async clear(context: TurnContext): Promise<void> {
    const cached: Cached | undefined = context.turnState.get(this.cacheKey);
    context.turnState.set(this.cacheKey, { state: {}, json: '', ...(cached?.eTag ? { eTag: cached.eTag } : {}) });
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): StoreItem | undefined {
    const cached: Cached | undefined = context.turnState.get(this.cacheKey);
    return cached?.state;
  }
}
