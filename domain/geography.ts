import { z } from 'zod';

/** Microsoft clouds a CSP relationship can live in. */
export const CLOUDS = ['public', 'us_government', 'china_21vianet', 'germany'] as const;
export const CloudSchema = z.enum(CLOUDS);
export type Cloud = z.infer<typeof CloudSchema>;

/**
 * CSP regions (markets). A partner transacts only inside its region. Some regions are one country (Japan,
 * China through 21Vianet); others span many (Europe: a French reseller may work with a German provider).
 */
export const CSP_REGIONS = [
  'north_america',
  'latin_america',
  'europe',
  'middle_east_africa',
  'asia_pacific',
  'japan',
  'china',
] as const;
export const CspRegionSchema = z.enum(CSP_REGIONS);
export type CspRegion = z.infer<typeof CspRegionSchema>;

const EUROPE = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB', 'CH', 'NO', 'IS', 'LI', 'MC', 'AD', 'SM', 'VA',
];
const NORTH_AMERICA = ['US', 'CA', 'PR'];
const LATIN_AMERICA = ['MX', 'BR', 'AR', 'CL', 'CO', 'PE', 'UY', 'CR', 'PA', 'EC', 'GT', 'DO'];
const MIDDLE_EAST_AFRICA = ['AE', 'SA', 'QA', 'KW', 'BH', 'OM', 'IL', 'TR', 'EG', 'ZA', 'NG', 'KE', 'MA'];
const ASIA_PACIFIC = ['AU', 'NZ', 'SG', 'MY', 'TH', 'ID', 'PH', 'VN', 'IN', 'KR', 'TW', 'HK'];

/**
 * The default country -> region table. It is data, not logic: a deployment that knows its markets
 * better can pass its own table to `regionOfCountry`.
 */
export const DEFAULT_MARKETS: Readonly<Record<string, CspRegion>> = Object.freeze({
  ...Object.fromEntries(EUROPE.map((c) => [c, 'europe' as const])),
  ...Object.fromEntries(NORTH_AMERICA.map((c) => [c, 'north_america' as const])),
  ...Object.fromEntries(LATIN_AMERICA.map((c) => [c, 'latin_america' as const])),
  ...Object.fromEntries(MIDDLE_EAST_AFRICA.map((c) => [c, 'middle_east_africa' as const])),
  ...Object.fromEntries(ASIA_PACIFIC.map((c) => [c, 'asia_pacific' as const])),
  JP: 'japan',
  CN: 'china',
});

export const CountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: 'Use a two-letter ISO 3166 country code such as JP, DE or US.' });

export function regionOfCountry(
  country: string,
  markets: Readonly<Record<string, CspRegion>> = DEFAULT_MARKETS,
): CspRegion | undefined {
  return markets[country.toUpperCase()];
}
