import type { Catalog } from '../../catalog-types.ts';

export const platform: Catalog['platform'] = {};
