/**
 * Common first names in Sweden, from the public name statistics of Statistics Sweden (SCB,
 * "Namnstatistik": the most common first names of the whole population and of newborns, women
 * and men), written down from those published top lists; not exhaustive, and not a licence-
 * bound data set. Lower case; compound names ("karl-erik") are matched part by part.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `
maria anna margareta elisabeth elisabet eva kristina birgitta karin marie ingrid christina linnéa linnea
sofia sophia kerstin marianne lena helena emma johanna inger sara sarah cecilia elin ulla gunilla louise
ida hanna susanne malin julia linda jenny anneli carina camilla åsa annika monica monika ann ebba maja
alice elsa astrid wilma ella olivia alva agnes lilly klara clara saga freja vera alma stella selma ellen
frida amanda matilda josefin josefine emelie emilie therese jessica caroline karolina fredrika sandra
madeleine ingela britt barbro gun siv ingegerd agneta yvonne pia lisa lina nora tove moa felicia tilda
tindra nellie emilia isabelle isabella hedvig sigrid ingeborg märta elvira signe aurora fatima amina sofie
viktoria victoria rebecka rebecca elina mikaela michaela mona rut ruth solveig gunnel margit marita
lisbeth katarina catharina charlotte charlotta anne anette annette helen veronica veronika petra sanna
ulrika erika jennie josephine lovisa maud majken greta ester edith elise irene iris jasmine leila leyla
zahra mariam maryam aisha ayaan hodan nour noor sabina nathalie natalie paulina mirja tina tuula
anja hilda lotta liv linn thea tyra meja mila leah lea juni judith gunhild berit brita britta kristin
lars mikael michael anders johan per karl carl erik peter jan thomas tomas daniel fredrik hans bengt
andreas stefan mats magnus bo alexander nils jonas martin leif oskar oscar göran björn mattias henrik
ulf sven gustav gustaf david kjell christer patrik niklas nicklas emil robert tommy rolf axel viktor
victor anton filip lucas lukas liam william hugo elias noah adam oliver ludvig arvid olle vincent theo
leo alfred harry isak albin sebastian simon marcus markus joakim jonathan kristoffer christoffer tobias
rasmus jesper linus kent roger dan ola åke lennart ingemar gunnar rune kenneth roland claes klas håkan
torbjörn jörgen urban pär stig sten arne kurt tord olof olov gösta bertil sune ove bror evert hampus felix
jakob jacob samuel benjamin melvin vilgot edvin elis valter walter josef mohammed mohammad mohamed
muhammad ahmed ahmad ali hassan hussein omar yusuf ibrahim mustafa abdi abdullah khalid karim reza amir
johannes joel pontus wilhelm vilhelm jimmy johnny mohamad sami mehmet dragan zoran goran milan nikola
ivan igor sergej aleksander adrian dennis kevin max alvin charlie sixten folke einar ivar holger helge
georg gunnel yngve börje lage roy benny conny kennet jonny janne hasse pelle nisse kalle
`
    .split(/\s+/)
    .filter(Boolean),
);
