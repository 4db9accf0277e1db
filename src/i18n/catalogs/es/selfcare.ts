import type { Catalog } from '../../catalog-types.ts';

export const selfcare: Catalog['selfcare'] = {};
