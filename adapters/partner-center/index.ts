export * from './partner-center.client';
export * from './msal-tokens';
