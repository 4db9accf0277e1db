// Every client's interactive-transaction limits. Prisma's defaults (2 s to get a connection,
// 5 s for the whole transaction) are for a quiet server: on a busy 2-core host, ten first
// `/peer setup`s at once queue on their channel locks and a pool of ten connections, and one of
// them lost its connection wait and answered a person with an apology. Waiting a little longer
// is the kinder failure mode; a transaction that really hangs still ends.
export const transactionDefaults = { maxWait: 10_000, timeout: 30_000 } as const;
