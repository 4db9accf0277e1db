import type { Catalog } from '../../catalog-types.ts';

export const admin: Catalog['admin'] = {};
