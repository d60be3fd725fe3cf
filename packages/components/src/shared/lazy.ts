/**
 * Code an element needs only when the citizen first asks for something, loaded with `import()`
 * so it stays out of the page-load JavaScript (the page-weight budgets in `npm run bench`).
 * Each loader is memoised: one request per page; a failed load (network) is tried again next time.
 */
type Tasks = typeof import('@klar/tasks');
type PersonalData = typeof import('./text.js');

let tasks: Promise<Tasks> | undefined;
let personalData: Promise<PersonalData> | undefined;

/** `@klar/tasks` (Summarizer, key facts, faithfulness, form filling) and the runtime client it uses. */
export function loadTasks(): Promise<Tasks> {
  tasks ??= import('@klar/tasks').catch((error: unknown) => {
    tasks = undefined;
    throw error;
  });
  return tasks;
}

/** Personal-data detection and masking (phone-number metadata, bank-account and IBAN rules). */
export function loadPersonalData(): Promise<PersonalData> {
  personalData ??= import('./text.js').catch((error: unknown) => {
    personalData = undefined;
    throw error;
  });
  return personalData;
}
