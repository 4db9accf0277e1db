// What `/peer admin outbox` says. Ids, recipients and platform errors arrive as literal(...).
export const admin = {
  outbox: {
    notRetried: {
      'not-visible':
        'That message is not in the outbox you can see (this team’s, or this workspace’s). Open `/peer admin outbox` again to see the current list.',
      sent: 'That message was delivered already; there is nothing to retry.',
      waiting:
        'That message is still waiting to be sent; only messages that were given up on can be retried.',
    },
    header: 'Deliveries for {{scope}}',
    scopeWorkspace: 'this workspace',
    scopeTeam: 'this team',
    waiting: 'Waiting',
    failed: 'Failed',
    delivered: 'Delivered',
    privateCounts:
      '**Private messages:** {{waiting}} waiting, {{failed}} failed. Who they are for stays private; a workspace admin can see it.',
    waitingList: '**Waiting** (oldest first)',
    failedRow: '**Failed:** {{row}}',
    lastError: 'Last error: {{error}}',
    unknownError: 'unknown',
    toDm: 'direct message to {{recipient}}',
    toChannel: 'channel {{recipient}}',
    urgent: 'urgent',
    private: 'private',
    row_one: '{{to}}, {{count}} try, due {{due}}',
    row_other: '{{to}}, {{count}} tries, due {{due}}',
    retry: 'Retry',
    allClear: 'Nothing is waiting and nothing has failed. All clear.',
    neverShown: 'Message text is never shown here: some messages are private.',
    summary: 'Deliveries: {{waiting}} waiting, {{failed}} failed',
    retried: 'Queued again. I will try to deliver it now.',
    lostId: 'That button has lost its message id. Please open `/peer admin outbox` again.',
    teamChannel: 'Please run this in your team’s channel, so I know which team you mean.',
  },
} as const;
