/**
 * Which workspaces a Slack request acts from, for ALLOWED_SLACK_TEAM_IDS. The body's `team_id` is the
 * workspace the app is installed in; the person acting may come from another one (a Slack Connect
 * channel shared with another organization): `event.user_team` / `event.team` in events, `user.team_id`
 * in interactive payloads. Both must be allowed. An Enterprise Grid ID (E…) in the list admits the
 * install's own workspace when the request names that enterprise; a person from another workspace
 * still needs that workspace listed.
 */
export interface SlackActingWorkspaces {
  /** The acting person's workspace (undefined: the request does not say). */
  userTeam: string | undefined;
  /** The workspace the request was delivered for (the install). */
  installTeam: string | undefined;
  /** The install's Enterprise Grid organization, if any. */
  enterprise: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function actingWorkspacesOf(body: Record<string, unknown>): SlackActingWorkspaces {
  if (typeof body.command === 'string') {
    // A slash command names one workspace: the one it was typed in, which is the person's.
    const team = str(body.team_id);
    return { userTeam: team, installTeam: team, enterprise: str(body.enterprise_id) };
  }
  if (body.type === 'event_callback') {
    const event = obj(body.event);
    const install = str(body.team_id);
    const enterprise = str(body.enterprise_id) ?? str(body.context_enterprise_id) ?? str(obj(Array.isArray(body.authorizations) ? body.authorizations[0] : undefined).enterprise_id);
    return { userTeam: str(event.user_team) ?? str(event.team) ?? install, installTeam: install, enterprise };
  }
  // Interactive payloads (block_actions and the rest).
  const install = str(obj(body.team).id) ?? str(body.team_id);
  return { userTeam: str(obj(body.user).team_id) ?? install, installTeam: install, enterprise: str(obj(body.enterprise).id) ?? str(body.enterprise_id) };
}

/** Whether every workspace the request acts from is allowed (an empty list allows all). */
export function workspacesAllowed(w: SlackActingWorkspaces, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const ok = (team: string | undefined) =>
    team !== undefined && (allowed.includes(team) || (w.enterprise !== undefined && allowed.includes(w.enterprise) && (team === w.installTeam || team === w.enterprise)));
  return ok(w.userTeam) && (w.installTeam === undefined || ok(w.installTeam));
}
