import type { Catalog } from '../kernel/messages';

/** Messages of organisations. Keys start with "organisations.". */
export const organisations = {
  // registry rules (domain/organisations)
  'organisations.invalid_fields': { en: 'The organisation has invalid fields', fr: 'L’organisation contient des champs non valides', es: 'La organización tiene campos no válidos' },
  'organisations.unknown_iati_type': { en: '"{{code}}" is not an IATI organisation type code', fr: '« {{code}} » n’est pas un code de type d’organisation IATI', es: '«{{code}}» no es un código de tipo de organización de la IATI' },
  'organisations.unknown_country': { en: '"{{code}}" is not an ISO 3166-1 alpha-2 country code', fr: '« {{code}} » n’est pas un code de pays ISO 3166-1 alpha-2', es: '«{{code}}» no es un código de país ISO 3166-1 alfa-2' },
  'organisations.unknown_prefix': {
    en: '"{{identifier}}" does not start with a registration agency prefix from the IATI OrganisationRegistrationAgency code list (for example GB-COH-01234567)',
    fr: '« {{identifier}} » ne commence pas par un préfixe d’organisme d’enregistrement de la liste de codes IATI OrganisationRegistrationAgency (par exemple GB-COH-01234567)',
    es: '«{{identifier}}» no empieza por un prefijo de organismo de registro de la lista de códigos OrganisationRegistrationAgency de la IATI (por ejemplo, GB-COH-01234567)',
  },
  'organisations.missing_number': { en: 'The identifier needs a number after its prefix', fr: 'L’identifiant doit comporter un numéro après son préfixe', es: 'El identificador necesita un número después de su prefijo' },
  'organisations.empty_tag': { en: 'A tag cannot be empty', fr: 'Une étiquette ne peut pas être vide', es: 'Una etiqueta no puede estar vacía' },
  'organisations.tag_twice': { en: '"{{tag}}" is listed twice', fr: '« {{tag}} » figure deux fois', es: '«{{tag}}» figura dos veces' },

  // services/organisations
  'organisations.the_organisation': { en: 'The organisation', fr: 'L’organisation', es: 'la organización' },
  'organisations.that_person': { en: 'That person in this organisation', fr: 'Cette personne dans cette organisation', es: 'esa persona en esta organización' },
  'organisations.identifier_taken': { en: '{{name}} already uses the IATI identifier {{identifier}}', fr: '{{name}} utilise déjà l’identifiant IATI {{identifier}}', es: '{{name}} ya usa el identificador IATI {{identifier}}' },
  'organisations.identifier_used_by': { en: 'Already used by {{name}}', fr: 'Déjà utilisé par {{name}}', es: 'Ya lo usa {{name}}' },
  'organisations.sign_in_to_register': { en: 'Sign in to register an organisation', fr: 'Connectez-vous pour enregistrer une organisation', es: 'Inicie sesión para registrar una organización' },
  'organisations.only_admins_edit': { en: 'Only the organisation’s admins can edit it', fr: 'Seuls les administrateurs de l’organisation peuvent la modifier', es: 'Solo los administradores de la organización pueden modificarla' },
  'organisations.only_people_see_members': { en: 'Only the organisation’s people can see who belongs to it', fr: 'Seules les personnes de l’organisation peuvent voir qui en fait partie', es: 'Solo las personas de la organización pueden ver quién forma parte de ella' },
  'organisations.only_admins_add': { en: 'Only the organisation’s admins can add people', fr: 'Seuls les administrateurs de l’organisation peuvent ajouter des personnes', es: 'Solo los administradores de la organización pueden añadir personas' },
  'organisations.only_admins_remove': { en: 'Only the organisation’s admins can remove people', fr: 'Seuls les administrateurs de l’organisation peuvent retirer des personnes', es: 'Solo los administradores de la organización pueden retirar personas' },
  'organisations.no_account_ask_admin': { en: 'No account with this e-mail address; ask an administrator to create it', fr: 'Aucun compte n’utilise cette adresse e-mail ; demandez à un administrateur de le créer', es: 'Ninguna cuenta usa esta dirección de correo electrónico; pida a un administrador que la cree' },
  'organisations.keeps_one_admin': { en: 'An organisation keeps at least one admin; make someone else admin first', fr: 'Une organisation garde au moins un administrateur ; nommez d’abord quelqu’un d’autre administrateur', es: 'Una organización conserva al menos un administrador; nombre antes administrador a otra persona' },
  'organisations.the_last_admin': { en: 'The last admin', fr: 'Le dernier administrateur', es: 'El último administrador' },
} as const satisfies Catalog;
