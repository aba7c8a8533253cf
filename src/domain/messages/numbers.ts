import type { Catalog } from '../kernel/messages';

/** Messages of numbers. Keys start with "numbers.". */
export const numbers = {
  // decimal text (kernel/decimal.ts)
  'numbers.enter_number': { en: 'Enter a number', fr: 'Saisissez un nombre', es: 'Introduzca un número' },
  'numbers.at_most_characters': { en: 'Use at most {{max}} characters', fr: 'Utilisez au plus {{max}} caractères', es: 'Use como máximo {{max}} caracteres' },
  'numbers.separator_after_decimal': {
    en: 'There is a "{{found}}" after the decimal separator "{{decimal}}": is the decimal separator "{{other}}"?',
    fr: 'Il y a un « {{found}} » après le séparateur décimal « {{decimal}} » : le séparateur décimal serait-il « {{other}} » ?',
    es: 'Hay un «{{found}}» después del separador decimal «{{decimal}}»: ¿el separador decimal es «{{other}}»?',
  },
  'numbers.digits_after_decimal': {
    en: 'Write digits after the decimal separator "{{decimal}}"',
    fr: 'Écrivez des chiffres après le séparateur décimal « {{decimal}} »',
    es: 'Escriba cifras después del separador decimal «{{decimal}}»',
  },
  'numbers.only_a_number': {
    en: 'Write only a number: digits, one decimal separator and, optionally, group separators',
    fr: 'Écrivez uniquement un nombre : des chiffres, un seul séparateur décimal et, si vous le souhaitez, des séparateurs de milliers',
    es: 'Escriba solo un número: cifras, un único separador decimal y, si lo desea, separadores de miles',
  },
  'numbers.several_decimal_separators': {
    en: 'There is more than one decimal separator',
    fr: 'Il y a plus d’un séparateur décimal',
    es: 'Hay más de un separador decimal',
  },
  'numbers.bad_grouping': {
    en: 'The group separators "{{separator}}" do not group the digits in threes.',
    fr: 'Les séparateurs de milliers « {{separator}} » ne regroupent pas les chiffres par trois.',
    es: 'Los separadores de miles «{{separator}}» no agrupan las cifras de tres en tres.',
  },
  'numbers.bad_grouping_hint': {
    en: 'The group separators "{{separator}}" do not group the digits in threes. Is the decimal separator "{{other}}"?',
    fr: 'Les séparateurs de milliers « {{separator}} » ne regroupent pas les chiffres par trois. Le séparateur décimal serait-il « {{other}} » ?',
    es: 'Los separadores de miles «{{separator}}» no agrupan las cifras de tres en tres. ¿El separador decimal es «{{other}}»?',
  },

  // currencies and money text (accountability/currency.ts)
  'numbers.currency_code': {
    en: 'Use a three-letter ISO 4217 currency code such as EUR',
    fr: 'Utilisez un code de devise ISO 4217 à trois lettres, comme EUR',
    es: 'Use un código de moneda ISO 4217 de tres letras, como EUR',
  },
  'numbers.currency_not_in_list': {
    en: '{{code}} is not a currency of the IATI Currency code list',
    fr: '{{code}} n’est pas une devise de la liste de codes IATI Currency',
    es: '{{code}} no es una moneda de la lista de códigos IATI Currency',
  },
  'numbers.unknown_currency': { en: 'Unknown currency {{code}}', fr: 'Devise inconnue : {{code}}', es: 'Moneda desconocida: {{code}}' },
  'numbers.positive_amount': { en: 'Enter a positive amount', fr: 'Saisissez un montant positif', es: 'Introduzca un importe positivo' },
  'numbers.too_many_decimals_none': {
    en: '{{currency}} has no decimals; "{{text}}" has {{found}}',
    fr: '{{currency}} n’a pas de décimales ; « {{text}} » en a {{found}}',
    es: '{{currency}} no tiene decimales; «{{text}}» tiene {{found}}',
  },
  'numbers.too_many_decimals': {
    en: { one: '{{currency}} has {{count}} decimal; "{{text}}" has {{found}}', other: '{{currency}} has {{count}} decimals; "{{text}}" has {{found}}' },
    fr: { one: '{{currency}} a {{count}} décimale ; « {{text}} » en a {{found}}', many: '{{currency}} a {{count}} décimales ; « {{text}} » en a {{found}}', other: '{{currency}} a {{count}} décimales ; « {{text}} » en a {{found}}' },
    es: { one: '{{currency}} tiene {{count}} decimal; «{{text}}» tiene {{found}}', many: '{{currency}} tiene {{count}} decimales; «{{text}}» tiene {{found}}', other: '{{currency}} tiene {{count}} decimales; «{{text}}» tiene {{found}}' },
  },
  'numbers.amount_too_large': { en: 'The amount is too large', fr: 'Le montant est trop élevé', es: 'El importe es demasiado grande' },

  // exchange rates (accountability/currency.ts)
  'numbers.rate_positive': { en: 'A rate is a positive number', fr: 'Un taux est un nombre positif', es: 'Un tipo de cambio es un número positivo' },
  'numbers.rate_digits': {
    en: 'Use at most {{max}} significant digits',
    fr: 'Utilisez au plus {{max}} chiffres significatifs',
    es: 'Use como máximo {{max}} cifras significativas',
  },
  'numbers.rate_same_currency': {
    en: 'A rate converts between two different currencies',
    fr: 'Un taux convertit entre deux devises différentes',
    es: 'Un tipo de cambio convierte entre dos monedas distintas',
  },
  'numbers.date_format': {
    en: 'Use a date written YYYY-MM-DD',
    fr: 'Saisissez une date au format AAAA-MM-JJ',
    es: 'Use una fecha con el formato AAAA-MM-DD',
  },
  'numbers.rate_invalid_fields': {
    en: 'The exchange rate has invalid fields',
    fr: 'Le taux de change contient des champs non valides',
    es: 'El tipo de cambio tiene campos no válidos',
  },
  'numbers.rate_already_set': {
    en: '{{from}} to {{to}} already has the rate {{rate}} on {{on}}',
    fr: '{{from}} vers {{to}} a déjà le taux {{rate}} au {{on}}',
    es: '{{from}} a {{to}} ya tiene el tipo {{rate}} el {{on}}',
  },
  'numbers.rate_two_values': {
    en: '{{from}} to {{to}} has two different rates on {{on}} ({{first}} and {{second}})',
    fr: '{{from}} vers {{to}} a deux taux différents au {{on}} ({{first}} et {{second}})',
    es: '{{from}} a {{to}} tiene dos tipos distintos el {{on}} ({{first}} y {{second}})',
  },
  'numbers.no_rate': {
    en: 'There is no exchange rate from {{from}} to {{to}} dated on or before {{on}}: enter one',
    fr: 'Il n’y a aucun taux de change de {{from}} vers {{to}} daté du {{on}} ou d’avant : saisissez-en un',
    es: 'No hay ningún tipo de cambio de {{from}} a {{to}} con fecha {{on}} o anterior: introduzca uno',
  },
  'numbers.no_rate_short': {
    en: 'No {{from}} to {{to}} rate on or before {{on}}',
    fr: 'Aucun taux de {{from}} vers {{to}} au {{on}} ou avant',
    es: 'No hay tipo de {{from}} a {{to}} el {{on}} o antes',
  },
} as const satisfies Catalog;
