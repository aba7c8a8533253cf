import type { Catalog } from '../kernel/messages';

/**
 * The messages the API contracts (src/contracts) set on their own checks, worded by the HTTP edge in the reader's
 * language: a contract violation's message is looked up here by its English text (contracts are shared with the
 * web app and keep plain English). test/messages.test.ts checks every such message of the contracts is here.
 */
export const contracts = {
  'contracts.email': { en: 'Enter a valid e-mail address', fr: 'Saisissez une adresse e-mail valide', es: 'Introduzca una dirección de correo electrónico válida' },
  'contracts.password_min': { en: 'Use at least 10 characters', fr: 'Utilisez au moins 10 caractères', es: 'Use al menos 10 caracteres' },
  'contracts.password_max': { en: 'Use at most 200 characters', fr: 'Utilisez au plus 200 caractères', es: 'Use como máximo 200 caracteres' },
  'contracts.password_required': { en: 'Enter your password', fr: 'Saisissez votre mot de passe', es: 'Introduzca su contraseña' },
  'contracts.name_required': { en: 'Enter a name', fr: 'Saisissez un nom', es: 'Introduzca un nombre' },
  'contracts.token_name_required': { en: 'Name the token', fr: 'Donnez un nom au jeton', es: 'Dé un nombre al token' },
  'contracts.country_code': { en: 'Use a two-letter ISO 3166-1 code in capitals, like KE', fr: 'Utilisez un code ISO 3166-1 de deux lettres majuscules, comme KE', es: 'Use un código ISO 3166-1 de dos letras mayúsculas, como KE' },
  'contracts.charter_or_template': { en: 'Give a charter or a templateId', fr: 'Fournissez une charte ou un templateId', es: 'Indique un estatuto o un templateId' },
  'contracts.import_kind': { en: 'An import kind such as exchange-rates', fr: 'Un type d’import, comme exchange-rates', es: 'Un tipo de importación, como exchange-rates' },
  'contracts.list_name': { en: 'A list such as members', fr: 'Une liste, comme members', es: 'Una lista, como members' },
  'contracts.hour': { en: 'An hour from 0 to 23 (UTC)', fr: 'Une heure de 0 à 23 (UTC)', es: 'Una hora de 0 a 23 (UTC)' },
  'contracts.tag_empty': { en: 'A tag cannot be empty', fr: 'Une étiquette ne peut pas être vide', es: 'Una etiqueta no puede estar vacía' },
  'contracts.min_2': { en: 'Use at least 2 characters', fr: 'Utilisez au moins 2 caractères', es: 'Use al menos 2 caracteres' },
  'contracts.min_3': { en: 'Use at least 3 characters', fr: 'Utilisez au moins 3 caractères', es: 'Use al menos 3 caracteres' },
  'contracts.iati_type': { en: 'An IATI organisation type is a two-digit code', fr: 'Un type d’organisation IATI est un code à deux chiffres', es: 'Un tipo de organización IATI es un código de dos cifras' },
  'contracts.iati_identifier': { en: 'Use the form PREFIX-NUMBER, for example GB-COH-01234567', fr: 'Utilisez la forme PRÉFIXE-NUMÉRO, par exemple GB-COH-01234567', es: 'Use la forma PREFIJO-NÚMERO, por ejemplo GB-COH-01234567' },
  'contracts.website': { en: 'Enter a web address starting with http:// or https://', fr: 'Saisissez une adresse web commençant par http:// ou https://', es: 'Introduzca una dirección web que empiece por http:// o https://' },
  'contracts.sdg_code': { en: 'Use an SDG goal (3) or target (3.b) code', fr: 'Utilisez le code d’un objectif (3) ou d’une cible (3.b) des ODD', es: 'Use el código de un objetivo (3) o de una meta (3.b) de los ODS' },
  'contracts.purpose': { en: 'Say in a sentence or two why the partners work together', fr: 'Dites en une phrase ou deux pourquoi les partenaires travaillent ensemble', es: 'Diga en una o dos frases por qué los socios trabajan juntos' },
  'contracts.say_why': { en: 'Say why', fr: 'Dites pourquoi', es: 'Diga por qué' },
  'contracts.title_required': { en: 'Give a title', fr: 'Donnez un titre', es: 'Indique un título' },
  'contracts.category_required': { en: 'Choose a category', fr: 'Choisissez une catégorie', es: 'Elija una categoría' },
  'contracts.status_list': { en: 'Statuses separated by commas, such as open,mitigating', fr: 'Des statuts séparés par des virgules, comme open,mitigating', es: 'Estados separados por comas, como open,mitigating' },
} as const satisfies Catalog;
