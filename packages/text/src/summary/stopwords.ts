/** Common Swedish function words, ignored when comparing sentences. */
export const SWEDISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `alla allt andra att av bara bli blir blev bland de dem den denna deras dess dessa det detta dig din dina ditt du där då efter eftersom ej eller en er era ert ett från för före genom ha hade har hans hennes hon honom hur här i icke ingen inget inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och också om oss på samma sedan sig sin sina sitta själv skall ska skulle som så sådan sådana sådant till under upp ut utan vad var vara varför varit varje vars vem vi vid vilka vilken vilket vår våra vårt än är åt över även också kommer får fick går gick gör gjorde finns fanns enligt t.ex bl.a ca dvs kr nr`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common English function words, ignored when comparing sentences. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about after all also an and any are as at be been before being but by can could did do does
  for from had has have he her his how i if in into is it its may me more most my no not of on or
  our out she should so than that the their them then there these they this those to under up us
  was we were what when where which who will with would you your yours`
    .split(/\s+/)
    .filter(Boolean),
);
