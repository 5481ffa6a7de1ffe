import type { TurnContext } from 'botbuilder';

const MESSAGE = 'application/vnd.microsoft.activity.message';

/** The Entra tenant a Teams activity comes from (conversation.tenantId, else channelData.tenant.id). */
export function activityTenant(context: TurnContext): string | undefined {
  return activityTenantOf(context.activity);
}

export function activityTenantOf(a: Partial<TurnContext['activity']>): string | undefined {
  const fromChannel = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = a.conversation?.tenantId ?? (typeof fromChannel === 'string' ? fromChannel : undefined);
  return id?.toLowerCase();
}

const REFUSAL =
  'Sorry, Partner Link is not available to your organization. Ask your administrator to contact the Partner Link operator.\n\n' +
  '申し訳ありませんが、Partner Link はお客様の組織ではご利用いただけません。管理者から Partner Link の運営者にお問い合わせください。';

/**
 * Runs the turn only for allowed tenants (an empty list allows all). Anyone else gets a polite refusal
 * and the bot never sees the turn: no person is looked up, no reference or state is stored.
 */
export function tenantGate(
  allowed: readonly string[],
  logic: (context: TurnContext) => Promise<void>,
  onRefused?: (tenant: string | undefined, context: TurnContext) => void,
): (context: TurnContext) => Promise<void> {
  const set = new Set(allowed.map((t) => t.toLowerCase()));
  if (set.size === 0) return logic;
  return async (context) => {
    const tenant = activityTenant(context);
    if (tenant && set.has(tenant)) return logic(context);
    onRefused?.(tenant, context);
    const a = context.activity;
    if (a.type === 'invoke') {
      // An invoke must be answered; a card click gets the refusal as its message.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: MESSAGE, value: REFUSAL } } });
    } else if (a.type === 'message') {
      await context.sendActivity(REFUSAL);
    }
  };
}
