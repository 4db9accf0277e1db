export { type AdminDeps, createAdminFeature } from './commands.ts';
