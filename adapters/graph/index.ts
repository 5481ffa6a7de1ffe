export { GraphGroupMembers, MAX_PAGES, type GraphSettings } from './graph-group-members';
export { GraphGdapClient, GDAP_APPROVAL_BASE, GDAP_SCOPE, type GraphGdapOptions } from './graph-gdap.client';
