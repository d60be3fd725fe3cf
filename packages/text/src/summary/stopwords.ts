/** Common Swedish function words, ignored when comparing sentences. */
export const SWEDISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `alla allt andra att av bara bli blir blev bland de dem den denna deras dess dessa det detta dig din dina ditt du där då efter eftersom ej eller en er era ert ett från för före genom ha hade har hans hennes hon honom hur här i icke ingen inget inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och också om oss på samma sedan sig sin sina sitta själv skall ska skulle som så sådan sådana sådant till under upp ut utan vad var vara varför varit varje vars vem vi vid vilka vilken vilket vår våra vårt än är åt över även också kommer får fick går gick gör gjorde finns fanns enligt t.ex bl.a ca dvs kr nr`
    .split(/\s+/)
    .filter(Boolean),
);
