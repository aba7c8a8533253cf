import type { Catalog } from '../kernel/messages';

/** Messages of risks. Keys start with "risks.". */
export const risks = {
  // what was not found ("<what> was not found")
  'risks.the_risk': { en: 'The risk', fr: 'Le risque', es: 'el riesgo' },
  'risks.the_action': { en: 'The action', fr: 'L’action', es: 'la acción' },

  // statuses, as words inside sentences (the English is the status code)
  'risks.status.open': { en: 'open', fr: 'ouvert', es: 'abierto' },
  'risks.status.mitigating': { en: 'mitigating', fr: 'en atténuation', es: 'en mitigación' },
  'risks.status.accepted': { en: 'accepted', fr: 'accepté', es: 'aceptado' },
  'risks.status.occurred': { en: 'occurred', fr: 'survenu', es: 'ocurrido' },
  'risks.status.closed': { en: 'closed', fr: 'clos', es: 'cerrado' },
  'risks.status.none': { en: 'none', fr: 'aucun', es: 'ninguno' },
  /** Two or more items of a list: the first, then the rest (itself a list or an item). */

  // status moves
  'risks.illegal_transition': {
    en: 'A risk cannot move from {{from}} to {{to}}; allowed: {{allowed}}',
    fr: 'Un risque ne peut pas passer du statut {{from}} au statut {{to}} ; statuts possibles : {{allowed}}',
    es: 'Un riesgo no puede pasar del estado {{from}} al estado {{to}}; estados posibles: {{allowed}}',
  },
  'risks.not_allowed_from': { en: 'Not allowed from {{from}}', fr: 'Impossible depuis le statut {{from}}', es: 'No se permite desde el estado {{from}}' },
  'risks.reason_required': { en: 'A reason is required', fr: 'Une raison est obligatoire', es: 'El motivo es obligatorio' },
  'risks.say_why_status_changes': { en: 'Say why the risk changes status', fr: 'Indiquez pourquoi le risque change de statut', es: 'Indique por qué cambia de estado el riesgo' },

  // allocation
  'risks.not_an_allocation_party': {
    en: '"{{party}}" is not a risk allocation party ({{parties}})',
    fr: '« {{party}} » n’est pas une partie à laquelle attribuer un risque ({{parties}})',
    es: '«{{party}}» no es una parte contratante a la que asignar un riesgo ({{parties}})',
  },
  'risks.organisation_not_member': { en: 'This organisation is not a member of the partnership', fr: 'Cette organisation n’est pas membre du partenariat', es: 'Esta organización no es miembro de la alianza' },
  'risks.organisation_not_current_member': { en: 'This organisation is not a current member of the partnership', fr: 'Cette organisation n’est pas membre actuel du partenariat', es: 'Esta organización no es miembro actual de la alianza' },
  'risks.organisation_has_share': { en: 'This organisation already has a share', fr: 'Cette organisation a déjà une part', es: 'Esta organización ya tiene una parte' },
  'risks.party_has_unnamed_share': {
    en: 'This party already has a share that names no organisation',
    fr: 'Cette partie a déjà une part qui ne nomme aucune organisation',
    es: 'Esta parte contratante ya tiene una parte que no indica ninguna organización',
  },
  'risks.share_percent': {
    en: 'A share is a number above 0 and at most 100, such as 40 or 33.5',
    fr: 'Une part est un nombre supérieur à 0 et au plus égal à 100, comme 40 ou 33.5',
    es: 'Una parte es un número mayor que 0 y como máximo 100, como 40 o 33.5',
  },
  'risks.shares_not_100': { en: 'The shares add up to {{total}}%, not 100%', fr: 'Les parts font {{total}} %, pas 100 %', es: 'Las partes suman {{total}} %, no 100 %' },

  // the risk's fields
  'risks.not_a_category': {
    en: '"{{category}}" is not an OCDS for PPPs risk category',
    fr: '« {{category}} » n’est pas une catégorie de risque OCDS pour les PPP',
    es: '«{{category}}» no es una categoría de riesgo de OCDS para APP',
  },
  'risks.title_required': { en: 'Give the risk a short title', fr: 'Donnez un titre court au risque', es: 'Dé al riesgo un título breve' },
  'risks.at_most_characters': { en: 'At most {{max}} characters', fr: '{{max}} caractères au plus', es: 'Como máximo {{max}} caracteres' },
  'risks.description_required': {
    en: 'Describe the risk: what could happen and what it would cause',
    fr: 'Décrivez le risque : ce qui pourrait arriver et ce que cela causerait',
    es: 'Describa el riesgo: lo que podría ocurrir y lo que causaría',
  },
  'risks.rating': { en: 'Rate it with a whole number from 1 to 5', fr: 'Évaluez-le par un nombre entier de 1 à 5', es: 'Valórelo con un número entero del 1 al 5' },
  'risks.action_needs_id': { en: 'An action needs an id', fr: 'Une action doit avoir un identifiant', es: 'Una acción necesita un identificador' },
  'risks.actions_same_id': { en: 'Two actions have the same id', fr: 'Deux actions ont le même identifiant', es: 'Dos acciones tienen el mismo identificador' },
  'risks.action_description_required': { en: 'Say what will be done', fr: 'Indiquez ce qui sera fait', es: 'Indique qué se hará' },
  'risks.action_owner_required': { en: 'Name the organisation responsible', fr: 'Indiquez l’organisation responsable', es: 'Indique la organización responsable' },
  'risks.person_not_in_partnership': { en: 'This person is not in the partnership', fr: 'Cette personne ne fait pas partie du partenariat', es: 'Esta persona no forma parte de la alianza' },
  'risks.date_format': { en: 'Use a date such as 2026-03-31', fr: 'Utilisez une date comme 2026-03-31', es: 'Use una fecha como 2026-03-31' },
  'risks.review_already_planned': { en: 'A review is already planned on this day', fr: 'Une revue est déjà prévue ce jour-là', es: 'Ya hay una revisión prevista ese día' },
  'risks.decision_link_needs_id': { en: 'A decision link needs an id', fr: 'Un lien vers une décision doit avoir un identifiant', es: 'Un vínculo a una decisión necesita un identificador' },
  'risks.decision_linked_twice': { en: 'This decision is linked twice', fr: 'Cette décision est liée deux fois', es: 'Esta decisión está vinculada dos veces' },
  'risks.no_such_decision': { en: 'No such decision in this partnership', fr: 'Cette décision n’existe pas dans ce partenariat', es: 'Esta decisión no existe en esta alianza' },
  'risks.commitment_link_needs_id': { en: 'A commitment link needs an id', fr: 'Un lien vers un engagement doit avoir un identifiant', es: 'Un vínculo a un compromiso necesita un identificador' },
  'risks.commitment_linked_twice': { en: 'This commitment is linked twice', fr: 'Cet engagement est lié deux fois', es: 'Este compromiso está vinculado dos veces' },
  'risks.no_such_commitment': { en: 'No such commitment in this partnership', fr: 'Cet engagement n’existe pas dans ce partenariat', es: 'Este compromiso no existe en esta alianza' },
  'risks.invalid_fields': { en: 'The risk has invalid fields', fr: 'Le risque contient des champs non valides', es: 'El riesgo tiene campos no válidos' },

  // managing risks
  'risks.representative_scope': {
    en: 'A representative manages the risks their organisation owns or bears a share of',
    fr: 'Un représentant gère les risques dont son organisation est responsable ou dont elle supporte une part',
    es: 'Un representante gestiona los riesgos de los que su organización es responsable o de los que asume una parte',
  },
  'risks.name_your_organisation': {
    en: 'Name the organisation you represent as owner or give it a share',
    fr: 'Désignez l’organisation que vous représentez comme responsable ou attribuez-lui une part',
    es: 'Indique como responsable la organización que usted representa o asígnele una parte',
  },
  'risks.stale': {
    en: 'The risk has changed since you loaded it (it is at version {{version}} now): load it again and redo your change',
    fr: 'Le risque a changé depuis que vous l’avez chargé (il en est maintenant à la version {{version}}) : chargez-le de nouveau et refaites votre modification',
    es: 'El riesgo cambió desde que usted lo cargó (ahora está en la versión {{version}}): cárguelo de nuevo y vuelva a hacer su cambio',
  },
  'risks.changed_meanwhile': { en: 'Someone changed the risk meanwhile', fr: 'Quelqu’un a modifié le risque entre-temps', es: 'Alguien cambió el riesgo mientras tanto' },
  'risks.closed': { en: 'The risk is closed: reopen it first', fr: 'Le risque est clos : rouvrez-le d’abord', es: 'El riesgo está cerrado: reábralo primero' },
  'risks.closed_reopen_first': {
    en: 'A closed risk is reopened before it changes',
    fr: 'Un risque clos doit être rouvert avant d’être modifié',
    es: 'Un riesgo cerrado debe reabrirse antes de modificarse',
  },
  'risks.action_invalid_fields': { en: 'The action has invalid fields', fr: 'L’action contient des champs non valides', es: 'La acción tiene campos no válidos' },
  'risks.reopened_action_no_done_day': {
    en: 'An action reopened has no completion day',
    fr: 'Une action rouverte n’a pas de date de réalisation',
    es: 'Una acción reabierta no tiene fecha de realización',
  },
  'risks.leave_done_on_out': {
    en: 'Leave doneOn out when reopening the action',
    fr: 'Omettez doneOn quand vous rouvrez l’action',
    es: 'Omita doneOn al reabrir la acción',
  },
  'risks.action_done_in_past': {
    en: 'An action is done on a day that has come',
    fr: 'Une action est faite à une date déjà arrivée',
    es: 'Una acción se realiza en un día que ya ha llegado',
  },
  'risks.not_in_future': { en: 'Not in the future', fr: 'Pas dans le futur', es: 'No en el futuro' },
  'risks.review_invalid_fields': { en: 'The review has invalid fields', fr: 'La revue contient des champs non valides', es: 'La revisión tiene campos no válidos' },
  'risks.next_review_after': {
    en: 'The next review comes after this one',
    fr: 'La prochaine revue vient après celle-ci',
    es: 'La próxima revisión es posterior a esta',
  },
} as const satisfies Catalog;
