import type { Catalog } from '../../catalog-types.ts';

export const plans: Catalog['plans'] = {};
