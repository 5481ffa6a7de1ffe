/**
 * Where the bot may post replies and proactive messages: the `serviceUrl` an activity names. Anyone who
 * can post to /api/messages names one, so it is checked before the turn runs (and again before a
 * proactive send), and a refused one is never stored.
 *
 * Authenticated: only Microsoft's Bot Connector hosts, over HTTPS on the default port. The Teams hosts
 * per cloud are Microsoft's own list of Teams service endpoints (public: smba.trafficmanager.net, whose
 * path names the region; GCC: smba.infra.gcc.teams.microsoft.com; GCC High: smba.infra.gov.teams.microsoft.us;
 * DoD: smba.infra.dod.teams.microsoft.us), from
 * https://learn.microsoft.com/en-us/dotnet/api/microsoft.agents.extensions.msteams.teamsproactiveserviceendpoints
 * and the Agents SDK's TeamsServiceEndpoints (https://microsoft.github.io/Agents-for-js/variables/_microsoft_agents-hosting.TeamsServiceEndpoints.html).
 * The Bot Framework's other channels (Web Chat, Direct Line, the Emulator's service) answer under
 * botframework.com, and under botframework.azure.us in the US Government cloud.
 *
 * Anonymous (local development): only this machine (loopback), where Agents Playground and the
 * Emulator run; an anonymous bot must never be made to post elsewhere.
 */
const TEAMS_HOSTS = new Set(['smba.trafficmanager.net', 'smba.infra.gcc.teams.microsoft.com', 'smba.infra.gov.teams.microsoft.us', 'smba.infra.dod.teams.microsoft.us']);
const BOT_FRAMEWORK_DOMAINS = ['.botframework.com', '.botframework.azure.us'];

function parse(url: unknown): URL | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function isBotConnectorHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return TEAMS_HOSTS.has(h) || BOT_FRAMEWORK_DOMAINS.some((d) => h.endsWith(d) && h.length > d.length);
}

/** Why the bot may not post to this serviceUrl, or undefined when it may. */
export function serviceUrlProblem(url: unknown, anonymous: boolean): string | undefined {
  const u = parse(url);
  if (!u) return 'The activity needs a serviceUrl (an absolute URL).';
  if (u.username || u.password) return 'The serviceUrl must not carry credentials.';
  if (anonymous) {
    if ((u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname)) return undefined;
    return 'In local development mode (no MicrosoftAppId) the bot posts only to this machine: the serviceUrl must be a loopback address.';
  }
  if (u.protocol === 'https:' && u.port === '' && isBotConnectorHost(u.hostname)) return undefined;
  return 'The serviceUrl is not a Microsoft Bot Connector address.';
}
