import type { Catalog } from '../kernel/messages';

/** Messages of partnerships. Keys start with "partnerships.". */
export const partnerships = {
  // the stages of the partnering cycle, as words inside sentences (the web app's names, lower case)
  'partnerships.stage.scoping': { en: 'scoping', fr: 'cadrage', es: 'exploración' },
  'partnerships.stage.building': { en: 'building', fr: 'construction', es: 'construcción' },
  'partnerships.stage.implementing': { en: 'implementing', fr: 'mise en œuvre', es: 'ejecución' },
  'partnerships.stage.reviewing': { en: 'reviewing', fr: 'revue', es: 'revisión' },
  'partnerships.stage.sustaining': { en: 'sustaining', fr: 'pérennisation', es: 'sostenibilidad' },
  'partnerships.stage.closed': { en: 'closed', fr: 'clos', es: 'cerrada' },
  // the roles of people in a partnership, as words inside sentences
  'partnerships.person_role.convener': { en: 'convener', fr: 'coordinateur', es: 'convocante' },
  'partnerships.person_role.representative': { en: 'representative', fr: 'représentant', es: 'representante' },
  'partnerships.person_role.member': { en: 'member', fr: 'membre', es: 'miembro' },
  'partnerships.person_role.observer': { en: 'observer', fr: 'observateur', es: 'observador' },

  // lifecycle and rules (domain/partnerships)
  'partnerships.cannot_move': {
    en: 'A partnership cannot move from {{from}} to {{to}}; allowed: {{allowed}}',
    fr: 'Un partenariat ne peut pas passer de l’étape « {{from}} » à l’étape « {{to}} » ; étapes permises : {{allowed}}',
    es: 'Una alianza no puede pasar de la etapa «{{from}}» a la etapa «{{to}}»; etapas permitidas: {{allowed}}',
  },
  'partnerships.cannot_move_closed': {
    en: 'A partnership cannot move from {{from}} to {{to}}; it is closed',
    fr: 'Un partenariat ne peut pas passer de l’étape « {{from}} » à l’étape « {{to}} » ; il est clos',
    es: 'Una alianza no puede pasar de la etapa «{{from}}» a la etapa «{{to}}»; está cerrada',
  },
  'partnerships.not_allowed_from': { en: 'Not allowed from {{from}}', fr: 'Passage impossible depuis l’étape « {{from}} »', es: 'Cambio no permitido desde la etapa «{{from}}»' },
  'partnerships.reason_required': { en: 'A reason is required', fr: 'Un motif est requis', es: 'Se requiere un motivo' },
  'partnerships.say_why': { en: 'Say why the partnership moves', fr: 'Indiquez pourquoi le partenariat change d’étape', es: 'Indique por qué la alianza cambia de etapa' },
  'partnerships.end_before_start': { en: 'The end date is before the start date', fr: 'La date de fin est antérieure à la date de début', es: 'La fecha de finalización es anterior a la fecha de inicio' },
  'partnerships.unknown_country': { en: '"{{code}}" is not an ISO 3166-1 alpha-2 country code', fr: '« {{code}} » n’est pas un code de pays ISO 3166-1 alpha-2', es: '«{{code}}» no es un código de país ISO 3166-1 alfa-2' },
  'partnerships.unknown_sdg': { en: '"{{code}}" is not an SDG goal or target code', fr: '« {{code}} » n’est pas un code d’objectif ou de cible des ODD', es: '«{{code}}» no es un código de objetivo o meta de los ODS' },
  'partnerships.sdg_twice': { en: 'An SDG is listed twice', fr: 'Un ODD figure deux fois', es: 'Un ODS figura dos veces' },
  'partnerships.left_before_joined': { en: 'An organisation cannot leave before it joined', fr: 'Une organisation ne peut pas partir avant d’avoir rejoint le partenariat', es: 'Una organización no puede salir antes de haberse unido' },

  // services/partnerships
  'partnerships.the_partnership': { en: 'The partnership', fr: 'Le partenariat', es: 'la alianza' },
  'partnerships.the_goal': { en: 'The goal', fr: 'L’objectif', es: 'el objetivo' },
  'partnerships.the_member': { en: 'The member', fr: 'Le membre', es: 'el miembro' },
  'partnerships.that_person': { en: 'That person', fr: 'Cette personne', es: 'esa persona' },
  'partnerships.sign_in_to_see': { en: 'Sign in to see this partnership', fr: 'Connectez-vous pour voir ce partenariat', es: 'Inicie sesión para ver esta alianza' },
  'partnerships.sign_in_to_create': { en: 'Sign in to create a partnership', fr: 'Connectez-vous pour créer un partenariat', es: 'Inicie sesión para crear una alianza' },
  'partnerships.invalid_fields': { en: 'The partnership has invalid fields', fr: 'Le partenariat contient des champs non valides', es: 'La alianza tiene campos no válidos' },
  'partnerships.choose_own_organisation': { en: 'Choose an organisation you belong to', fr: 'Choisissez une organisation dont vous êtes membre', es: 'Elija una organización a la que pertenezca' },
  'partnerships.convener_missing': { en: 'The convening organisation does not exist', fr: 'L’organisation coordinatrice n’existe pas', es: 'La organización convocante no existe' },
  'partnerships.unknown_organisation': { en: 'Unknown organisation', fr: 'Organisation inconnue', es: 'Organización desconocida' },
  'partnerships.organisation_missing': { en: 'That organisation does not exist', fr: 'Cette organisation n’existe pas', es: 'Esa organización no existe' },
  'partnerships.already_member': { en: '{{name}} is already a member', fr: '{{name}} est déjà membre', es: '{{name}} ya es miembro' },
  'partnerships.already_a_member': { en: 'Already a member', fr: 'Déjà membre', es: 'Ya es miembro' },
  'partnerships.keeps_convening_organisation': {
    en: 'A partnership keeps at least one convening organisation; make another member convener first',
    fr: 'Un partenariat garde au moins une organisation coordinatrice ; désignez d’abord un autre membre comme coordinateur',
    es: 'Una alianza conserva al menos una organización convocante; designe antes a otro miembro como convocante',
  },
  'partnerships.last_convening_organisation': { en: 'The last convening organisation', fr: 'La dernière organisation coordinatrice', es: 'La última organización convocante' },
  'partnerships.rejoined': { en: 'The organisation has rejoined under another membership', fr: 'L’organisation est revenue au titre d’une autre adhésion', es: 'La organización se ha vuelto a unir con otra membresía' },
  'partnerships.already_current_member': { en: 'Already a current member', fr: 'Déjà membre actuel', es: 'Ya es miembro actual' },
  'partnerships.would_leave_without_convener': {
    en: 'This would leave a partnership without a convener; name another convener there first',
    fr: 'Un partenariat se retrouverait sans coordinateur ; nommez-y d’abord un autre coordinateur',
    es: 'Una alianza quedaría sin convocante; nombre antes allí a otro convocante',
  },
  'partnerships.last_convener_acts_for_organisation': {
    en: 'The last convener of the partnership acts for this organisation',
    fr: 'Le dernier coordinateur du partenariat agit pour cette organisation',
    es: 'El último convocante de la alianza actúa en nombre de esta organización',
  },
  'partnerships.representative_needs_organisation': { en: 'A representative acts for an organisation', fr: 'Un représentant agit pour une organisation', es: 'Un representante actúa en nombre de una organización' },
  'partnerships.choose_represented_organisation': { en: 'Choose the organisation they represent', fr: 'Choisissez l’organisation que cette personne représente', es: 'Elija la organización que representa esta persona' },
  'partnerships.not_current_member_organisation': { en: 'The organisation is not a current member of this partnership', fr: 'L’organisation n’est pas membre actuel de ce partenariat', es: 'La organización no es miembro actual de esta alianza' },
  'partnerships.not_a_current_member': { en: 'Not a current member organisation', fr: 'Ce n’est pas une organisation membre actuelle', es: 'No es una organización miembro actual' },
  'partnerships.person_not_in_organisation': { en: '{{person}} does not belong to {{organisation}}', fr: '{{person}} ne fait pas partie de {{organisation}}', es: '{{person}} no pertenece a {{organisation}}' },
  'partnerships.person_must_belong': { en: 'The person must belong to this organisation', fr: 'La personne doit faire partie de cette organisation', es: 'La persona debe pertenecer a esta organización' },
  'partnerships.already_has_role': { en: '{{person}} already has the role {{role}}', fr: '{{person}} a déjà le rôle « {{role}} »', es: '{{person}} ya tiene el rol «{{role}}»' },
  'partnerships.already_holds_role': { en: 'Already holds this role', fr: 'A déjà ce rôle', es: 'Ya tiene este rol' },
  'partnerships.keeps_one_convener': {
    en: 'A partnership keeps at least one convener; name another convener first',
    fr: 'Un partenariat garde au moins un coordinateur ; nommez d’abord un autre coordinateur',
    es: 'Una alianza conserva al menos un convocante; nombre antes a otro convocante',
  },
} as const satisfies Catalog;
