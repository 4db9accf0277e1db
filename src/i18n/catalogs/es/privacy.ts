import type { Catalog } from '../../catalog-types.ts';

export const privacy: Catalog['privacy'] = {};
