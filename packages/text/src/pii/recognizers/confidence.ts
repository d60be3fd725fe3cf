/** Shared confidence levels, so recognisers stay comparable when overlaps are resolved. */
export const CONFIDENCE = {
  /** Checksum and format hold, distinctive shape (separator, +46, IBAN). */
  strong: 0.9,
  /** Checksum holds but the bare digits could be something else. */
  checked: 0.8,
  /** Shape only, no checksum exists (addresses, plates). */
  shape: 0.65,
  /** Shape holds but the checksum or date does not: likely a typo of a real value. */
  invalid: 0.45,
} as const;
