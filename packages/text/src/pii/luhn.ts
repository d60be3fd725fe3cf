/**
 * Luhn (mod 10) check over a string of digits, used for bankgiro and plusgiro. Hand-written
 * because no maintained npm package validates bankgiro/plusgiro (kontonummer covers bank
 * accounts only) and Luhn is a five-line, well-specified algorithm. Personnummer and
 * organisationsnummer use their own libraries.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `body` + digit pass Luhn. Used by tests and the bench corpus. */
export function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(body + digit)) return String(digit);
  }
  return '0';
}

export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}
