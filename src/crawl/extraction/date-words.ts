/** Words of datelines ("Published: Tue, Nov 19, 2019 at 10:48 GMT") in common languages. */

const words = (list: string): string[] => list.split(' ');

export const MONTHS = new Set([
  ...words('january february march april may june july august september october november december'),
  ...words('jan feb mar apr jun jul aug sep sept oct nov dec'),
  ...words('janvier février fevrier mars avril mai juin juillet août aout septembre octobre'),
  ...words('novembre décembre januar februar märz juni juli oktober dezember'),
  ...words('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre'),
  ...words('diciembre janeiro fevereiro março maio junho julho setembro outubro novembro'),
  ...words('dezembro gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre'),
  ...words('января февраля марта апреля мая июня июля августа сентября октября ноября декабря'),
]);

const WEEKDAYS = [
  ...words('monday tuesday wednesday thursday friday saturday sunday'),
  ...words('mon tue tues wed thu thur thurs fri sat sun'),
  ...words('lundi mardi mercredi jeudi vendredi samedi dimanche'),
  ...words('montag dienstag mittwoch donnerstag freitag samstag sonntag'),
  ...words('lunes martes miércoles jueves viernes sábado domingo'),
  ...words('segunda terça quarta quinta sexta feira'),
];

/** Everything a dateline may hold besides numbers. */
export const DATE_FILLER = new Set([
  ...MONTHS,
  ...WEEKDAYS,
  ...words(
    'am pm a m p utc gmt est edt cst cdt mst mdt pst pdt et ct pt bst cet cest ist jst msk z',
  ),
  ...words('published updated posted last modified original originally on at of the'),
  ...words('de à às le el em um today yesterday hours hour minutes minute ago h min st nd rd th'),
]);
