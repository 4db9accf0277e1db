import type { Catalog } from '../../catalog-types.ts';

export const chat: Catalog['chat'] = {};
