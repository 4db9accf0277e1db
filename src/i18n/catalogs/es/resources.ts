import type { Catalog } from '../../catalog-types.ts';

export const resources: Catalog['resources'] = {};
