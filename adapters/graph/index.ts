export { GraphGroupMembers, MAX_PAGES, type GraphSettings } from './graph-group-members';
