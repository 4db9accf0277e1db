// Region codes: ISO 3166-1 alpha-2 country, optionally "-" + subdivision (US-TX, GB-SCT). An
// entry with no region is international. A search for a country includes its subdivisions; a
// search for a subdivision includes its country's national entries, never another state's.

export const regionPattern = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export function normaliseRegion(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  return regionPattern.test(code) ? code : undefined;
}

export const countryOf = (region: string): string => region.split('-')[0] ?? region;

/** Where a region sits in an entry's coverage: 0 exact, 1 its country, 2 international. */
export function coverageRank(regions: readonly string[], region: string): number | undefined {
  if (regions.length === 0) return 2;
  if (regions.includes(region)) return 0;
  const country = countryOf(region);
  if (regions.includes(country)) return 1;
  if (region === country && regions.some((r) => countryOf(r) === country)) return 1;
  return undefined;
}
