import type { Catalog } from '../../catalog-types.ts';

export const teams: Catalog['teams'] = {};
