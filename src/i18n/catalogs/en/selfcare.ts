export const selfcare = {} as const;
