// The privacy feature's deps from the app's FeatureDeps (all but the feature list, which
// app.ts binds to its own list): a file goes to the person's DM through their platform's client.
import type { FeatureDeps } from '../feature.ts';
import type { PrivacyDeps } from './feature.ts';

export function privacyPorts(deps: FeatureDeps): Omit<PrivacyDeps, 'features'> {
  return {
    prisma: deps.prisma,
    access: deps.access,
    clientFor: deps.clientFor,
    clock: deps.clock,
    logger: deps.logger,
    auditRetentionDays: deps.config.retention.auditDays,
    async sendFile(to, file) {
      const client = deps.clientFor(to.platform);
      if (!client) return false;
      await client.uploadFile(to, file);
      return true;
    },
  };
}
