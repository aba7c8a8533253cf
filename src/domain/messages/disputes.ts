import type { Catalog } from '../kernel/messages';

/** Messages of disputes. Keys start with "disputes.". */
export const disputes = {
  'disputes.the_dispute': { en: 'The dispute', fr: 'Le différend', es: 'la controversia' },

  // the escalation ladder (a charter's, checked)
  'disputes.ladder.not_a_list': { en: 'The ladder is a list of steps', fr: 'L’échelle est une liste d’étapes', es: 'La escalera es una lista de pasos' },
  'disputes.ladder.empty': { en: 'The ladder needs at least one step', fr: 'L’échelle doit comporter au moins une étape', es: 'La escalera necesita al menos un paso' },
  'disputes.ladder.step_not_an_object': { en: 'A step is an object with an id', fr: 'Une étape est un objet avec un id', es: 'Un paso es un objeto con un id' },
  'disputes.ladder.step_id': { en: 'Use a short lower-case id such as "mediation"', fr: 'Utilisez un identifiant court en minuscules, comme « mediation »', es: 'Use un identificador corto en minúsculas, como «mediation»' },
  'disputes.ladder.step_twice': { en: 'The step "{{step}}" is already on the ladder', fr: 'L’étape « {{step}} » figure déjà sur l’échelle', es: 'El paso «{{step}}» ya está en la escalera' },
  'disputes.ladder.step_name': { en: 'A name is non-empty text', fr: 'Un nom est un texte non vide', es: 'Un nombre es un texto no vacío' },
  'disputes.ladder.step_body': { en: 'A body is the id of one of the charter’s bodies', fr: 'Un organe est l’identifiant de l’un des organes de la charte', es: 'Un órgano es el identificador de uno de los órganos del estatuto' },
  'disputes.ladder.step_days': { en: 'Days are a whole number from 1 to 3650', fr: 'Les jours sont un nombre entier de 1 à 3650', es: 'Los días son un número entero de 1 a 3650' },
  'disputes.ladder.no_steps': { en: 'The escalation ladder of this partnership has no steps', fr: 'L’échelle de résolution de ce partenariat ne comporte aucune étape', es: 'La escalera de resolución de esta alianza no tiene pasos' },

  // the steps of the default ladder (as the web app names them)
  'disputes.steps.negotiation': { en: 'Negotiation between the parties', fr: 'Négociation entre les parties', es: 'Negociación entre las partes' },
  'disputes.steps.steering_committee': { en: 'Steering committee', fr: 'Comité de pilotage', es: 'Comité directivo' },
  'disputes.steps.mediation': { en: 'Mediation', fr: 'Médiation', es: 'Mediación' },
  'disputes.steps.arbitration': { en: 'Arbitration', fr: 'Arbitrage', es: 'Arbitraje' },

  // dates
  'disputes.date.in_future': { en: 'Use a date that is not in the future', fr: 'Choisissez une date qui n’est pas dans le futur', es: 'Use una fecha que no sea futura' },
  'disputes.date.not_before': { en: 'Use a date on or after {{what}} ({{date}})', fr: 'Choisissez une date qui ne précède pas {{what}} ({{date}})', es: 'Use una fecha desde {{what}} ({{date}}) en adelante' },
  'disputes.date.start_of_current_step': { en: 'the start of the current step', fr: 'le début de l’étape actuelle', es: 'el inicio del paso actual' },

  // the state machine
  'disputes.cannot_open_on_date': { en: 'The dispute cannot open on that date', fr: 'Le différend ne peut pas s’ouvrir à cette date', es: 'La controversia no puede abrirse en esa fecha' },
  'disputes.without_steps': { en: 'A dispute without steps', fr: 'Un différend sans étapes', es: 'Una controversia sin pasos' },
  'disputes.closed': { en: 'A {{status}} dispute cannot be {{what}}; it is closed', fr: 'Un différend {{status}} ne peut pas être {{what}} ; il est clos', es: 'Una controversia {{status}} no puede ser {{what}}; está cerrada' },
  'disputes.status.open': { en: 'open', fr: 'ouvert', es: 'abierta' },
  'disputes.status.escalated': { en: 'escalated', fr: 'porté plus haut', es: 'elevada' },
  'disputes.status.resolved': { en: 'resolved', fr: 'résolu', es: 'resuelta' },
  'disputes.status.withdrawn': { en: 'withdrawn', fr: 'retiré', es: 'retirada' },
  'disputes.done.escalated': { en: 'escalated', fr: 'porté à l’étape suivante', es: 'elevada' },
  'disputes.done.resolved': { en: 'resolved', fr: 'résolu', es: 'resuelta' },
  'disputes.done.withdrawn': { en: 'withdrawn', fr: 'retiré', es: 'retirada' },
  'disputes.step_gone': { en: 'The escalation ladder no longer has the step "{{step}}"; resolve or withdraw the dispute', fr: 'L’échelle de résolution ne comporte plus l’étape « {{step}} » ; résolvez ou retirez le différend', es: 'La escalera de resolución ya no tiene el paso «{{step}}»; resuelva o retire la controversia' },
  'disputes.on_last_step': { en: 'The dispute is on the last step of the ladder ({{step}}); it can only be resolved or withdrawn', fr: 'Le différend est à la dernière étape de l’échelle ({{step}}) ; il ne peut plus qu’être résolu ou retiré', es: 'La controversia está en el último paso de la escalera ({{step}}); solo puede resolverse o retirarse' },
  'disputes.say_step_result': { en: 'Say how the current step ended', fr: 'Indiquez comment l’étape actuelle s’est terminée', es: 'Indique cómo terminó el paso actual' },
  'disputes.say_escalation_reason': { en: 'Say why the dispute escalates', fr: 'Indiquez pourquoi le différend passe à l’étape suivante', es: 'Indique por qué se eleva la controversia' },
  'disputes.escalation_invalid': { en: 'The escalation has invalid fields', fr: 'Le passage à l’étape suivante comporte des champs non valides', es: 'La elevación tiene campos no válidos' },
  'disputes.say_resolution': { en: 'Say how the dispute was resolved', fr: 'Indiquez comment le différend a été résolu', es: 'Indique cómo se resolvió la controversia' },
  'disputes.say_withdrawal_reason': { en: 'Say why the dispute is withdrawn', fr: 'Indiquez pourquoi le différend est retiré', es: 'Indique por qué se retira la controversia' },
  'disputes.cannot_be_resolved': { en: 'The dispute cannot be resolved like this', fr: 'Le différend ne peut pas être résolu ainsi', es: 'La controversia no puede resolverse así' },
  'disputes.cannot_be_withdrawn': { en: 'The dispute cannot be withdrawn like this', fr: 'Le différend ne peut pas être retiré ainsi', es: 'La controversia no puede retirarse así' },

  // raising a dispute
  'disputes.parties.at_least_two': { en: 'Name at least two different member organisations', fr: 'Nommez au moins deux organisations membres différentes', es: 'Indique al menos dos organizaciones miembro distintas' },
  'disputes.parties.unknown_organisation': { en: 'Unknown organisation', fr: 'Organisation inconnue', es: 'Organización desconocida' },
  'disputes.parties.not_current_member': { en: 'Not a current member of this partnership', fr: 'N’est pas membre actuel de ce partenariat', es: 'No es miembro actual de esta alianza' },
  'disputes.parties.invalid': { en: 'The parties of a dispute are two or more current member organisations', fr: 'Les parties d’un différend sont au moins deux organisations membres actuelles', es: 'Las partes de una controversia son dos o más organizaciones miembro actuales' },
  'disputes.decision_not_in_partnership': { en: 'The linked decision is not a decision of this partnership', fr: 'La décision liée n’est pas une décision de ce partenariat', es: 'La decisión vinculada no es una decisión de esta alianza' },
  'disputes.no_such_decision': { en: 'No such decision in this partnership', fr: 'Cette décision n’existe pas dans ce partenariat', es: 'Esa decisión no existe en esta alianza' },
  'disputes.representative_own_party': { en: 'A representative raises disputes their own organisation is party to', fr: 'Un représentant ne signale que les différends auxquels son organisation est partie', es: 'Un representante solo plantea controversias en las que su organización es parte' },
  'disputes.include_your_organisation': { en: 'Include the organisation you represent', fr: 'Incluez l’organisation que vous représentez', es: 'Incluya la organización que representa' },
} as const satisfies Catalog;
