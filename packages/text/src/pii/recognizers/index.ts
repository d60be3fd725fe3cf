import type { SyncRecognizer } from '../types.js';
import { bankAccountRecognizer } from './bank-account.js';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { emailRecognizer } from './email.js';
import { obfuscatedEmailRecognizer } from './email-obfuscated.js';
import { explicitContextRecognizer } from './explicit-context.js';
import { bankgiroRecognizer, plusgiroRecognizer } from './giro.js';
import { ibanRecognizer } from './iban.js';
import { organisationsnummerRecognizer } from './organisationsnummer.js';
import { personNameRecognizer } from './person-name.js';
import { personnummerRecognizer } from './personnummer.js';
import { phoneRecognizer } from './phone.js';
import { postalAddressRecognizer } from './postal-address.js';
import { streetAddressRecognizer } from './street-address.js';
import { vehicleRecognizer } from './vehicle.js';

/** Built-in rule recognisers, in priority order (earlier wins a tie in overlap resolution). */
export const BUILT_IN_RECOGNIZERS: readonly SyncRecognizer[] = [
  explicitContextRecognizer,
  personnummerRecognizer,
  organisationsnummerRecognizer,
  ibanRecognizer,
  emailRecognizer,
  obfuscatedEmailRecognizer,
  bankAccountRecognizer,
  bankgiroRecognizer,
  plusgiroRecognizer,
  phoneRecognizer,
  dateOfBirthRecognizer,
  streetAddressRecognizer,
  postalAddressRecognizer,
  vehicleRecognizer,
  personNameRecognizer,
];

export {
  bankAccountRecognizer,
  bankgiroRecognizer,
  dateOfBirthRecognizer,
  emailRecognizer,
  explicitContextRecognizer,
  ibanRecognizer,
  obfuscatedEmailRecognizer,
  organisationsnummerRecognizer,
  personNameRecognizer,
  personnummerRecognizer,
  phoneRecognizer,
  plusgiroRecognizer,
  postalAddressRecognizer,
  streetAddressRecognizer,
  vehicleRecognizer,
};
