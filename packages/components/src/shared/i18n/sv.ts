import type { Translation } from './translation.js';

const n = (value: number) => value.toLocaleString('sv-SE');

export const sv: Translation = {
  locale: 'sv',
  aiGenerated: (model) => `AI-genererad text (modell: ${model})`,
  checkOriginal: 'Kontrollera alltid mot originalet. Det är originalet som gäller.',
  stop: 'Stoppa',
  copy: 'Kopiera',
  copied: 'Kopierat.',
  copyFailed: 'Det gick inte att kopiera. Markera texten och kopiera den själv.',
  close: 'Stäng',
  unavailable: (reason) =>
    ({
      'no-engine': 'AI-hjälpen är inte tillgänglig på den här webbplatsen just nu.',
      'site-unavailable': 'AI-hjälpen är inte tillgänglig på den här webbplatsen just nu.',
      'no-backend': 'Din enhet kan inte köra AI-modellen (varken WebGPU eller WebAssembly finns).',
      'no-model': 'Det finns ingen AI-modell för det här.',
      declined: 'Du valde att inte hämta AI-modellen.',
      offline: 'Du verkar vara offline, så AI-modellen kan inte hämtas.',
      failed: 'AI-modellen kunde inte användas just nu.',
      'too-large': 'AI-modellen är för stor för din enhet.',
    })[reason],
  consentTitle: 'Vill du hämta en AI-modell?',
  consentBody: (name, size, license) =>
    `För att hjälpa dig behöver din webbläsare hämta modellen ${name} (${size}, licens ${license}). Den sparas på din enhet och kan tas bort när du vill.`,
  consentPrivacy: 'Modellen körs på din enhet. Din text skickas inte till någon server.',
  consentSaveData:
    'Din enhet har bett om att spara data. Hämta bara modellen om du är på ett nätverk utan datagräns.',
  consentAccept: 'Ja, hämta modellen',
  consentDecline: 'Nej tack',
  downloading: (model) => `Hämtar ${model}`,
  progressText: (loaded, total) => `${loaded} av ${total}`,
  timeLeft: (s) =>
    s < 60
      ? `cirka ${n(Math.max(1, Math.round(s)))} sekunder kvar`
      : `cirka ${n(Math.round(s / 60))} minuter kvar`,
  loadingModel: 'Startar AI-modellen …',
  backendInUse: (b) =>
    b === 'webgpu' ? 'Körs med WebGPU (grafikprocessorn).' : 'Körs med WebAssembly (processorn).',
  backendPlanned: (b) =>
    b === 'webgpu'
      ? 'Skulle köras med WebGPU (grafikprocessorn).'
      : 'Skulle köras med WebAssembly (processorn).',
  statusTitle: 'AI-modeller på den här enheten',
  availability: (s) =>
    ({
      unavailable: 'Inte tillgänglig på den här enheten.',
      downloadable: 'Kan hämtas.',
      downloading: 'Hämtas nu.',
      available: 'Finns sparad på enheten.',
    })[s],
  modelDetails: (name, size, license) => `${name}, ${size}, licens ${license}`,
  storedModels: 'Sparade modeller',
  noStoredModels: 'Inga modeller är sparade.',
  storedModel: (name, size) => `${name} (${size})`,
  deleteModel: (name) => `Ta bort ${name}`,
  deleteAll: 'Ta bort alla sparade modeller',
  deleted: 'Borttaget.',
  download: 'Hämta modellen',
  downloadSize: (size) => `Hämta modellen (${size})`,
  modelNotChecked: 'Ingen AI-modell används ännu. Den startar först när du ber om AI-hjälp.',
  checkModel: 'Visa uppgifter om AI-modellen',
  loadedNotStored: 'Används just nu men är inte längre sparad på enheten.',
  partlyStored: (size) => `Delvis sparad: ${size} återstår att hämta.`,
  refresh: 'Uppdatera',
  summarize: 'Sammanfatta i klarspråk',
  summaryHeading: 'Sammanfattning i klarspråk',
  summarizing: 'Sammanfattar …',
  summarizingPart: (part, parts) => `Sammanfattar del ${n(part)} av ${n(parts)} …`,
  summaryDone: 'Sammanfattningen är klar.',
  summaryStopped: 'Sammanfattningen stoppades.',
  extractiveHeading: 'Enkel sammanfattning',
  extractiveLabel:
    'Viktiga meningar ur originalet, utvalda automatiskt utan AI-modell. Meningarna är inte omskrivna.',
  noSource: 'Det finns ingen text att sammanfatta.',
  lixOriginal: (lix, band) => `Originalet: LIX ${n(lix)}, ${band}.`,
  lixSummary: (lix, band) => `Sammanfattningen: LIX ${n(lix)}, ${band}.`,
  unverifiedCount: (c) =>
    c === 1
      ? '1 uppgift i sammanfattningen finns inte i originalet. Den är markerad.'
      : `${n(c)} uppgifter i sammanfattningen finns inte i originalet. De är markerade.`,
  unverifiedMark: 'finns inte i originalet',
  summaryFailed: 'Sammanfattningen misslyckades.',
  lixLabel: 'Läsbarhet (LIX)',
  lixBands: {
    'very-easy': 'mycket lättläst',
    easy: 'lättläst',
    medium: 'medelsvår',
    hard: 'svår',
    'very-hard': 'mycket svår',
  },
  lixValue: (lix, band) => `LIX ${n(lix)}: ${band}`,
  wordsAndSentences: (w, s) =>
    `${n(w)} ${w === 1 ? 'ord' : 'ord'}, ${n(s)} ${s === 1 ? 'mening' : 'meningar'}`,
  showDetails: 'Visa långa ord och meningar',
  hideDetails: 'Dölj långa ord och meningar',
  longWordsTitle: 'Långa ord (fler än sex bokstäver)',
  longestSentencesTitle: 'Längsta meningarna',
  noLongWords: 'Inga långa ord.',
  noText: 'Ingen text ännu.',
  piiHint: (type) =>
    ({
      personnummer: 'Du behöver inte skriva ditt personnummer här.',
      samordningsnummer: 'Du behöver inte skriva ditt samordningsnummer här.',
      organisationsnummer: 'Organisationsnummer behövs inte i den här rutan.',
      phone: 'Telefonnummer behövs inte här. Det finns ett eget fält för kontaktuppgifter.',
      email: 'E-postadresser behövs inte här. Det finns ett eget fält för kontaktuppgifter.',
      iban: 'Skriv inte kontonummer (IBAN) här.',
      bankgiro: 'Skriv inte bankgironummer här.',
      plusgiro: 'Skriv inte plusgironummer här.',
      account: 'Skriv inte kontonummer här.',
      'bank-account': 'Skriv inte kontonummer här.',
      'payment-card': 'Skriv aldrig kortnummer här.',
      postcode: 'Postnummer behövs inte här.',
      address: 'Adresser behövs inte här.',
      name: 'Namn på andra personer behövs oftast inte här.',
    })[type] ?? 'Den här uppgiften behövs troligen inte här.',
  piiIntro: (c) =>
    c === 1
      ? 'Texten kan bli en allmän handling. Den innehåller en personuppgift som troligen inte behövs:'
      : `Texten kan bli en allmän handling. Den innehåller ${n(c)} personuppgifter som troligen inte behövs:`,
  piiMask: 'Dölj uppgifterna i texten',
  piiMasked: (c) => (c === 1 ? '1 uppgift är dold.' : `${n(c)} uppgifter är dolda.`),
  piiSubmitQuestion: 'Texten innehåller personuppgifter. Vill du dölja dem innan du skickar?',
  piiMaskAndSend: 'Dölj och skicka',
  piiSendAnyway: 'Skicka ändå',
  piiName: 'namn',
  assistHeading: 'Hjälp att fylla i (frivilligt)',
  describeLabel: 'Beskriv din situation med egna ord',
  describeHint:
    'AI-modellen föreslår svar utifrån din text. Du godkänner varje svar själv. Texten stannar på din enhet.',
  propose: 'Föreslå svar',
  proposing: 'Tar fram förslag …',
  proposalsReady: (c) =>
    c === 1
      ? '1 förslag. Granska det vid fältet och godkänn eller avböj.'
      : `${n(c)} förslag. Granska dem vid fälten och godkänn eller avböj.`,
  noProposals: 'Inga förslag för tomma fält. Fyll i formuläret som vanligt.',
  proposalFor: (label) => `AI-förslag för ${label}`,
  accept: 'Godkänn',
  reject: 'Avböj',
  acceptFor: (label) => `Godkänn förslaget för ${label}`,
  rejectFor: (label) => `Avböj förslaget för ${label}`,
  acceptedValue: (label) => `${label} är ifyllt.`,
  yes: 'Ja',
  no: 'Nej',
  explain: (label) => `Vad betyder ${label}?`,
  explainShort: 'Vad betyder det?',
  explainFields: 'Förklara fälten',
  explainingWithModel: (model) => `AI-genererad förklaring skrivs nu (modell: ${model}) …`,
  explanationFor: (label) => `Förklaring av ${label}`,
  noExplanation: 'Det finns ingen förklaring just nu.',
};
