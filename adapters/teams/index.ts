/** The Teams adapter: Bot Framework over HTTP (CloudAdapter), proactive delivery, the tenant allow-list. */
export { botFrameworkAuthentication } from './bot-framework-auth';
export { createTeamsAdapter, processTeamsRequest, TeamsCloudAdapter, safeError, type HttpAnswer, type TeamsLogger, type TurnErrorReply } from './teams.adapter';
export { ServiceUrlRefusedError, TeamsProactiveSender, toActivity } from './teams-proactive.sender';
export { isBotConnectorHost, isLoopbackHost, serviceUrlProblem } from './service-urls';
export { activityTenant, tenantGate } from './tenant-gate';
export { teamsSettingsProblems, type TeamsSettings } from './teams-settings';
export { describeTeamsTurn } from './teams-turn';
export { withEntraIds } from './teams-mentions';
