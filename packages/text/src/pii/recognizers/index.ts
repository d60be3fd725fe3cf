import type { SyncRecognizer } from '../types.js';
import { bankAccountRecognizer } from './bank-account.js';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { emailRecognizer } from './email.js';
import { bankgiroRecognizer, plusgiroRecognizer } from './giro.js';
import { ibanRecognizer } from './iban.js';
import { organisationsnummerRecognizer } from './organisationsnummer.js';
import { personnummerRecognizer } from './personnummer.js';
import { phoneRecognizer } from './phone.js';
import { postalAddressRecognizer } from './postal-address.js';
import { streetAddressRecognizer } from './street-address.js';
import { vehicleRecognizer } from './vehicle.js';

/** Built-in rule recognisers, in priority order (earlier wins a tie in overlap resolution). */
export const BUILT_IN_RECOGNIZERS: readonly SyncRecognizer[] = [
  personnummerRecognizer,
  organisationsnummerRecognizer,
  ibanRecognizer,
  emailRecognizer,
  bankAccountRecognizer,
  bankgiroRecognizer,
  plusgiroRecognizer,
  phoneRecognizer,
  dateOfBirthRecognizer,
  streetAddressRecognizer,
  postalAddressRecognizer,
  vehicleRecognizer,
];

export {
  bankAccountRecognizer,
  bankgiroRecognizer,
  dateOfBirthRecognizer,
  emailRecognizer,
  ibanRecognizer,
  organisationsnummerRecognizer,
  personnummerRecognizer,
  phoneRecognizer,
  plusgiroRecognizer,
  postalAddressRecognizer,
  streetAddressRecognizer,
  vehicleRecognizer,
};
