import type { Catalog } from '../../catalog-types.ts';

export const supervision: Catalog['supervision'] = {};
