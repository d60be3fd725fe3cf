/**
 * `format` values we enforce, as patterns in our regex subset. Each accepts a subset of what
 * ajv-formats accepts, so generated values always validate.
 */
export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  // Years 1900–2099; day ranges per month; 29 February is left out (no leap-year arithmetic).
  date:
    '^(19|20)\\d\\d-(' +
    '(0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])|' +
    '(0[469]|11)-(0[1-9]|[12]\\d|30)|' +
    '02-(0[1-9]|1\\d|2[0-8]))$',
  // Dot-separated atoms; a domain of labels without leading/trailing hyphens and a letter TLD.
  email:
    "^[A-Za-z0-9_%+'-]+(\\.[A-Za-z0-9_%+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}$",
};
