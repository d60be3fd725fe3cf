/** Registers every Klar element. The only entry point with side effects besides each element's own. */
import './klar-dictate/klar-dictate.js';
import './klar-form-assist/klar-form-assist.js';
import './klar-model-status/klar-model-status.js';
import './klar-pii-guard/klar-pii-guard.js';
import './klar-readability/klar-readability.js';
import './klar-summary/klar-summary.js';
import './klar-translate/klar-translate.js';
