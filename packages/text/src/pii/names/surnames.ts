/**
 * Common surnames in Sweden, from SCB's public name statistics ("Namnstatistik", the most
 * common surnames), written down from the published top list; not exhaustive. Lower case.
 * Swedish surnames also follow a few shapes (-sson, -berg, -ström, -qvist …), see SURNAME_SHAPE.
 */
export const SURNAMES: ReadonlySet<string> = new Set(
  `
andersson johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson
jonsson jansson hansson bengtsson jönsson lindberg jakobsson magnusson olofsson lindström lindqvist
lindgren berg axelsson bergström lundberg lind lundgren lundqvist mattsson berglund fredriksson
sandberg henriksson forsberg sjöberg ali wallin mohamed engström eklund danielsson lundin håkansson
björk bergman gunnarsson holm wikström samuelsson isaksson fransson bergqvist nyström holmberg
arvidsson löfgren söderberg nyberg blomqvist claesson nordström mårtensson lundström ahmed viklund
björklund eliasson pålsson hassan berggren sandström lund nordin ström åberg hermansson ekström
holmgren sundberg hedlund dahlberg hellström sjögren abrahamsson falk martinsson öberg andreasson
strömberg månsson hansen åkesson dahl lindholm norberg holmqvist karlberg ekberg mohammed hussein
omar abdi yusuf ibrahim nordberg sundström lindahl lindblom öhman forsman hedberg nilsen jensen
ekholm lindell sjöström söderström strand nordqvist lilja blom sundqvist östlund ekman hedström
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Endings that make a capitalised word look like a Swedish surname (Dahlberg, Nyström). */
export const SURNAME_SHAPE =
  /^\p{Lu}\p{Ll}{1,20}(?:sson|berg|ström|strand|qvist|kvist|gren|lund|holm|dahl|blad|borg|stedt|mark|ander|ius|lind|fors|hammar|vall|skog|näs|stam|ling|lin|lén|dén|gård)$/u;
