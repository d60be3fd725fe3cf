/**
 * Official letters written for Klar's tests and benchmark (invented people and numbers): the
 * kinds of decision a citizen gets from Försäkringskassan, CSN, Skatteverket and a municipality,
 * in Swedish and English, with decisions, amounts, dates, deadlines, appeal instructions and
 * repayment duties written the way agencies write them.
 */
import type { Locale } from '../src/span.js';

export interface Letter {
  readonly name: string;
  readonly locale: Locale;
  readonly text: string;
}

const BOSTADSBIDRAG = `Försäkringskassan
Beslut om bostadsbidrag
Ärendenummer: 123-456789-2026

Hej Anna Andersson,

Försäkringskassan har den 12 februari 2026 beslutat att bevilja dig bostadsbidrag med 2 150 kronor per månad för perioden 1 mars–31 augusti 2026.
Beslutet grundar sig på de uppgifter om inkomst, boendekostnad och hushållets sammansättning som du lämnade i din ansökan som kom in till Försäkringskassan den 20 januari 2026.
Bostadsbidraget är preliminärt eftersom det beräknas utifrån den inkomst som du själv har uppskattat för kalenderåret.
När den slutliga inkomsten har fastställts av Skatteverket kommer Försäkringskassan att göra en avstämning av det preliminära bidraget mot den faktiska inkomsten.

Du måste anmäla ändringar.
Om din inkomst, din boendekostnad eller antalet personer i hushållet förändras ska du anmäla det till Försäkringskassan inom 14 dagar.
Om du inte anmäler en förändring i tid kan du bli återbetalningsskyldig för det bostadsbidrag som du har fått för mycket.
Pengarna betalas ut den 25 varje månad till det konto som du har anmält till Försäkringskassan.

Om du inte är nöjd med beslutet kan du begära att Försäkringskassan ändrar det.
Du ska begära omprövning skriftligt, och din begäran måste ha kommit in till Försäkringskassan inom två månader från den dag du fick del av beslutet.
Skriv vilket beslut du vill ha omprövat, varför du anser att beslutet är felaktigt och vilken ändring du vill ha.

Har du frågor kan du ringa Försäkringskassans kundcenter på 0771-524 524 eller skriva till oss via Mina sidor.
Handläggare: Erik Lindqvist

Med vänliga hälsningar
Försäkringskassan`;

const CSN = `Beslut om återkrav av studiemedel
Dnr 2026/04711

CSN har granskat dina studieresultat för höstterminen 2025 och har konstaterat att du inte har bedrivit studier i den omfattning som du har fått studiemedel för.
Enligt uppgifter från lärosätet har du under perioden 25 augusti 2025–18 januari 2026 avslutat 7,5 högskolepoäng av de 30 högskolepoäng som dina studiemedel avsåg.
Vi har därför beslutat att du ska betala tillbaka 18 430 kronor av det studiebidrag och studielån som du har fått för perioden.
Återkravet avser studiebidrag med 6 820 kronor och studielån med 11 610 kronor.
Beloppet ska vara betalt senast den 30 april 2026.
Du betalar till bankgiro 5065-2301 och anger ditt personnummer som referens.
Om du inte betalar i tid kan skulden lämnas till Kronofogdemyndigheten för indrivning.
Om du har studerat mer än vad lärosätet har rapporterat ska du skicka in ett intyg som visar detta.
Du kan överklaga beslutet hos Överklagandenämnden för studiestöd.
Överklagandet ska skickas till CSN och ha kommit in till oss inom tre veckor från den dag du fick del av beslutet.
Om du har frågor om beslutet kan du kontakta Enheten för återkrav på telefon 0771-276 000 eller via e-post till aterkrav@csn.example.se.`;

const SKATT = `Beslut om slutlig skatt för inkomstår 2025
Vår referens: 4-112233-2026

Skatteverket har fastställt din slutliga skatt för inkomståret 2025 i enlighet med de uppgifter som framgår av din inkomstdeklaration och de kontrolluppgifter som arbetsgivare, banker och andra uppgiftslämnare har lämnat till Skatteverket.
Beslutet innebär att du har fått en kvarskatt på 4 215 kr, vilket beror på att den preliminära skatt som har dragits under året inte har täckt den slutliga skatten.
Du måste betala kvarskatten senast den 12 november 2026.
Betala till Skatteverkets bankgiro 5050-1055 och använd ditt OCR-nummer som finns på skattekontot.
Om du inte betalar i tid tar Skatteverket ut kostnadsränta och skulden kan lämnas till Kronofogden för indrivning.
Om du anser att beslutet är fel kan du begära omprövning.
En begäran om omprövning ska ha kommit in till Skatteverket senast den 31 december 2031.
Du kan också överklaga beslutet till förvaltningsrätten genom att skicka överklagandet till Skatteverket.
Ett överklagande ska ha kommit in till Skatteverket inom två månader från den dag du fick del av beslutet.
Har du frågor om beslutet kan du ringa Skatteupplysningen på 0771-567 567.`;

const EKONOMISKT_BISTAND = `Socialförvaltningen
Beslut om ekonomiskt bistånd
Dnr SN 2026/318

Socialnämnden har beslutat att bevilja dig ekonomiskt bistånd till försörjning för april månad 2026 med 7 340 kronor enligt 4 kap. 1 § socialtjänstlagen.
Ansökan om bistånd till tandvård beviljas inte, eftersom den behandling som tandläkaren har föreslagit inte bedöms som nödvändig för att du ska uppnå en skälig levnadsnivå.
Biståndet betalas ut till ditt bankkonto den 25 mars 2026.
För att ha rätt till fortsatt bistånd måste du vara inskriven hos Arbetsförmedlingen och aktivt söka arbete.
Du ska lämna in en ny ansökan med kontoutdrag och kvitton för hyra senast den 15 april 2026.
Om du har lämnat felaktiga uppgifter eller inte har anmält ändrade förhållanden kan nämnden besluta att du ska betala tillbaka bistånd som du har fått för mycket.
Du har rätt att överklaga beslutet om avslag på tandvård.
Ditt överklagande ska vara skriftligt och ställas till förvaltningsrätten, men du skickar det till Socialförvaltningen.
Överklagandet måste ha kommit in till oss inom tre veckor från den dag du fick del av beslutet.
Kontakta din handläggare om du vill ha hjälp med överklagandet.
Din handläggare är Maria Nilsson, telefon 08-123 456 78, e-post maria.nilsson@kommun.example.se.`;

const FORALDRAPENNING = `Försäkringskassan har fattat ett beslut om din föräldrapenning.
Du får föräldrapenning på sjukpenningnivå för tiden 2026-03-01–2026-05-31 för ditt barn som är fött den 14 oktober 2025.
Föräldrapenningen är 986 kronor per dag före skatt och betalas ut i efterskott.
Ersättningen har beräknats utifrån den sjukpenninggrundande inkomst som Försäkringskassan har fastställt för dig, vilken uppgår till 410 000 kronor per år.
Om du arbetar under en dag som du har fått föräldrapenning för måste du meddela Försäkringskassan så snart som möjligt.
Föräldrapenning som du har fått för en dag då du arbetade kan Försäkringskassan kräva tillbaka, och då blir du skyldig att betala tillbaka beloppet.
Du kan begära omprövning av beslutet inom två månader från den dag du fick del av beslutet.
Vill du veta mer kan du kontakta Försäkringskassans kundcenter på telefon 0771-524 524.`;

const HOUSING_EN = `Decision on housing allowance
Case number: 123-456789-2026

Dear Anna Andersson,

The Swedish Social Insurance Agency decided on 12 February 2026 to grant you a housing allowance of SEK 2,150 per month for the period 1 March to 31 August 2026.
The decision is based on the information about your income, housing costs and the composition of your household that you provided in the application we received on 20 January 2026.
The housing allowance is preliminary because it is calculated on the basis of the income that you have estimated for the calendar year.
When the Swedish Tax Agency has established your final income, we will reconcile the preliminary allowance against your actual income.
You must report any changes to your income, your housing costs or the number of people in your household within 14 days.
If you do not report a change in time, you may have to pay back the housing allowance that you have received in excess.
The money is paid on the 25th of every month to the account you have registered with us.
If you are not satisfied with the decision, you can ask us to reconsider it.
Your request for reconsideration must be made in writing and must reach us within two months of the date on which you were notified of the decision.
Explain which decision you want reconsidered, why you believe it is wrong and what change you would like.
If you have any questions, please call our customer service on +46 771 524 524.

Yours sincerely,
Swedish Social Insurance Agency`;

const STUDENT_EN = `Decision on repayment of student finance
Our reference: 2026/04711

CSN has reviewed your study results for the autumn semester 2025 and has found that you have not studied to the extent for which you received student finance.
According to information from your university, you completed 7.5 credits of the 30 credits that your student finance covered during the period 25 August 2025 – 18 January 2026.
We have therefore decided that you must repay SEK 18,430 of the grant and loan that you received for the period.
The amount must be paid no later than 30 April 2026.
Pay to bank giro 5065-2301 and state your personal identity number as the reference.
If you do not pay on time, the debt may be passed to the Swedish Enforcement Authority for collection.
If you studied more than your university reported, you need to send us a certificate that shows this.
You can appeal against the decision to the National Board of Appeal for Student Aid.
Your appeal must be sent to CSN and must reach us within three weeks of the date you received the decision.
If you have questions about the decision, please contact the Repayment Unit by phone on 0771-276 000 or by e-mail to repayment@csn.example.se.`;

const TAX_EN = `Final tax assessment for the income year 2025
Reference number: 4-112233-2026

The Swedish Tax Agency has determined your final tax for the income year 2025 in accordance with the information in your income tax return and the statements of earnings and deductions submitted by employers, banks and other reporting entities.
The decision means that you have residual tax of SEK 4,215, which is because the preliminary tax deducted during the year did not cover your final tax.
You have to pay the residual tax by 12 November 2026.
Pay to the Swedish Tax Agency's bank giro 5050-1055 and use the OCR number shown in your tax account.
If you do not pay on time, the Tax Agency will charge interest and the debt may be passed to the Enforcement Authority.
If you think the decision is wrong, you can request a review.
A request for review must have reached the Tax Agency no later than 31 December 2031.
You can also appeal against the decision to the administrative court by sending your appeal to the Tax Agency.
An appeal must reach the Tax Agency within two months of the day you were notified of the decision.
If you have questions, please call the Tax Information Service on 0771-567 567.`;

const SOCIAL_EN = `Decision on financial assistance
Case no. SN 2026/318

The Social Welfare Committee has decided to grant you financial assistance for living expenses for April 2026 of SEK 7,340 under Chapter 4, Section 1 of the Social Services Act.
Your application for assistance with dental care is refused because the treatment proposed by your dentist is not considered necessary for a reasonable standard of living.
The assistance will be paid into your bank account on 25 March 2026.
To remain entitled to assistance, you must be registered with the Public Employment Service and actively look for work.
You need to submit a new application with bank statements and rent receipts by 15 April 2026.
If you have given incorrect information or have not reported changed circumstances, the committee may decide that you must pay back assistance that you have received in excess.
You have the right to appeal against the refusal of dental care.
Your appeal must be in writing and addressed to the administrative court, but you send it to the Social Services Office.
The appeal must reach us within three weeks of the day you were notified of the decision.
Contact your case officer if you want help with your appeal.
Your case officer is Maria Nilsson, telephone 08-123 456 78, e-mail maria.nilsson@municipality.example.se.`;

/** Formal, hard-wrapped and long-winded on purpose: the register of older agency letters. */
const ASSISTANSERSATTNING = `Beslut angående assistansersättning
Datum: 2026-02-27
Diarienummer: FK 2026/10233

Försäkringskassan har denna dag prövat Er ansökan om assistansersättning enligt 51 kap.
socialförsäkringsbalken, inkommen den 8 januari 2026, och beslutat att bevilja
assistansersättning motsvarande 112 timmar per vecka för perioden 1 mars 2026 till och med
28 februari 2027.
Vid bedömningen av Ert behov av personlig assistans har Försäkringskassan beaktat de
utredningar, läkarintyg och övriga underlag som har inkommit i ärendet samt de uppgifter som
framkommit vid det hembesök som genomfördes den 3 februari 2026.
Ersättningen utbetalas med ett schablonbelopp om 356 kronor per timme till den
assistansanordnare som Ni har anmält till Försäkringskassan.
Ni är skyldig att utan dröjsmål anmäla förändringar i Era förhållanden som kan påverka rätten
till eller storleken på assistansersättningen, såsom sjukhusvistelse, vistelse i kommunal
verksamhet eller ändrat behov av hjälp.
Assistansersättning som har utbetalats felaktigt eller med för högt belopp kan komma att
återkrävas, och Ni kan därvid bli återbetalningsskyldig för hela det felaktigt utbetalda
beloppet.
Tidrapporter avseende utförd assistans ska ha inkommit till Försäkringskassan senast den 5 i
månaden efter den månad som redovisningen avser.
Om Ni inte är nöjd med beslutet kan Ni begära omprövning.
Begäran om omprövning ska vara skriftlig och ha inkommit till Försäkringskassan inom två
månader från den dag då Ni fick del av beslutet.
Upplysningar om beslutet lämnas av handläggare Johan Berg, telefon 010-116 00 00.`;

const PERSONAL_ASSISTANCE_EN = `Decision concerning assistance allowance
Date: 27 February 2026
Reference number: FK 2026/10233

The Social Insurance Agency has on this day examined your application for assistance allowance
pursuant to Chapter 51 of the Social Insurance Code, received on 8 January 2026, and has
decided to grant assistance allowance corresponding to 112 hours per week for the period
1 March 2026 up to and including 28 February 2027.
In assessing your need for personal assistance, the Social Insurance Agency has taken into
consideration the investigations, medical certificates and other documentation submitted in
the case, together with the information that emerged during the home visit carried out on
3 February 2026.
The allowance is paid at a standard rate of SEK 356 per hour to the assistance provider that
you have registered with the Social Insurance Agency.
You are obliged to notify us without delay of any changes in your circumstances that may affect
the entitlement to or the amount of the allowance, such as hospitalisation or a changed need
for assistance.
Assistance allowance that has been paid incorrectly or in excess may be reclaimed, in which case
you may be liable to repay the entire amount paid incorrectly.
Time reports concerning assistance provided must have reached the Social Insurance Agency no
later than the 5th of the month following the month to which the report relates.
If you are not satisfied with the decision, you may request a reconsideration.
A request for reconsideration must be made in writing and must have reached the Social
Insurance Agency within two months of the day on which you were notified of the decision.
Information about the decision is provided by case officer Johan Berg, telephone 010-116 00 00.`;

export const LETTERS: readonly Letter[] = [
  { name: 'Försäkringskassan bostadsbidrag', locale: 'sv', text: BOSTADSBIDRAG },
  { name: 'CSN återkrav', locale: 'sv', text: CSN },
  { name: 'Skatteverket slutlig skatt', locale: 'sv', text: SKATT },
  { name: 'Kommun ekonomiskt bistånd', locale: 'sv', text: EKONOMISKT_BISTAND },
  { name: 'Försäkringskassan föräldrapenning', locale: 'sv', text: FORALDRAPENNING },
  { name: 'Försäkringskassan assistansersättning', locale: 'sv', text: ASSISTANSERSATTNING },
  { name: 'Social Insurance housing allowance', locale: 'en', text: HOUSING_EN },
  { name: 'CSN repayment', locale: 'en', text: STUDENT_EN },
  { name: 'Tax Agency final tax', locale: 'en', text: TAX_EN },
  { name: 'Municipality financial assistance', locale: 'en', text: SOCIAL_EN },
  { name: 'Social Insurance assistance allowance', locale: 'en', text: PERSONAL_ASSISTANCE_EN },
];
