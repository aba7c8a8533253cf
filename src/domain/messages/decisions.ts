import type { Catalog } from '../kernel/messages';

/** Messages of decisions and of the charter they are taken under. Keys start with "decisions.". */
export const decisions = {
  // the charter
  'decisions.charter.not_an_object': { en: 'A charter is a JSON object', fr: 'Une charte est un objet JSON', es: 'Un estatuto es un objeto JSON' },
  'decisions.charter.expected_object': { en: 'Expected an object', fr: 'Un objet est attendu', es: 'Se esperaba un objeto' },
  'decisions.charter.unreadable': { en: 'The charter cannot be read: {{reason}}', fr: 'La charte est illisible : {{reason}}', es: 'No se puede leer el estatuto: {{reason}}' },
  'decisions.charter.seat_not_a_member': {
    en: 'Seat "{{seat}}": "{{organisation}}" is not a current member organisation of this partnership',
    fr: 'Siège « {{seat}} » : « {{organisation}} » n’est pas une organisation membre actuelle de ce partenariat',
    es: 'Puesto «{{seat}}»: «{{organisation}}» no es una organización miembro actual de esta alianza',
  },
  'decisions.charter.seat_not_a_person': {
    en: 'Seat "{{seat}}": "{{person}}" is not a person of this partnership',
    fr: 'Siège « {{seat}} » : « {{person}} » n’est pas une personne de ce partenariat',
    es: 'Puesto «{{seat}}»: «{{person}}» no es una persona de esta alianza',
  },
  'decisions.charter.has_problems': { en: 'The charter has problems', fr: 'La charte comporte des problèmes', es: 'El estatuto tiene problemas' },
  'decisions.charter.current_none_yet': { en: 'The partnership’s charter (none adopted yet)', fr: 'La charte du partenariat (aucune n’a encore été adoptée)', es: 'el estatuto de la alianza (aún no se ha adoptado ninguno)' },
  'decisions.charter.version_n': { en: 'Version {{version}} of the charter', fr: 'La version {{version}} de la charte', es: 'la versión {{version}} del estatuto' },
  'decisions.charter.no_template': { en: 'There is no template "{{template}}"', fr: 'Il n’existe pas de modèle « {{template}} »', es: 'No existe la plantilla «{{template}}»' },
  'decisions.charter.unknown_template': { en: 'Unknown template', fr: 'Modèle inconnu', es: 'Plantilla desconocida' },
  'decisions.charter.already_adopted': {
    en: 'This partnership already has a charter: propose an amendment decision to change it',
    fr: 'Ce partenariat a déjà une charte : proposez une décision de modification pour la changer',
    es: 'Esta alianza ya tiene un estatuto: proponga una decisión de reforma para cambiarlo',
  },
  'decisions.charter.in_force': {
    en: 'A charter is in force; changes go through its amendment rule',
    fr: 'Une charte est en vigueur ; les changements passent par sa règle de modification',
    es: 'Hay un estatuto vigente; los cambios pasan por su regla de reforma',
  },
  'decisions.seat_named': { en: 'Seat "{{seat}}"', fr: 'Le siège « {{seat}} »', es: 'el puesto «{{seat}}»' },

  // decisions
  'decisions.the_decision': { en: 'The decision', fr: 'La décision', es: 'la decisión' },
  'decisions.is_closed': { en: 'This decision is closed', fr: 'Cette décision est close', es: 'Esta decisión está cerrada' },
  'decisions.status.proposed': { en: 'proposed', fr: 'proposée', es: 'propuesta' },
  'decisions.status.open': { en: 'open', fr: 'ouverte', es: 'abierta' },
  'decisions.status.closed': { en: 'closed', fr: 'close', es: 'cerrada' },
  'decisions.status.withdrawn': { en: 'withdrawn', fr: 'retirée', es: 'retirada' },
  'decisions.window_invalid': { en: 'Voting must close after it opens and in the future', fr: 'Le vote doit se clore après son ouverture, et dans le futur', es: 'La votación debe cerrar después de abrirse y en el futuro' },
  'decisions.not_an_instant': { en: '"{{value}}" is not an instant (ISO-8601)', fr: '« {{value}} » n’est pas un instant (ISO-8601)', es: '«{{value}}» no es un instante (ISO-8601)' },
  'decisions.ballots_hidden': { en: 'The ballots of this decision are shown when it closes', fr: 'Les bulletins de cette décision sont visibles à sa clôture', es: 'Los votos de esta decisión se muestran cuando se cierra' },

  // proposing and seconding
  'decisions.poll_needs_options': { en: 'A poll needs its options', fr: 'Un sondage a besoin de ses options', es: 'Una encuesta necesita sus opciones' },
  'decisions.motion_needs_type': { en: 'A motion needs a decision type of the charter', fr: 'Une motion a besoin d’un type de décision de la charte', es: 'Una moción necesita un tipo de decisión del estatuto' },
  'decisions.no_charter': { en: 'Adopt a charter before proposing motions', fr: 'Adoptez une charte avant de proposer des motions', es: 'Adopte un estatuto antes de proponer mociones' },
  'decisions.no_such_type': { en: 'The charter has no decision type "{{type}}"', fr: 'La charte n’a pas de type de décision « {{type}} »', es: 'El estatuto no tiene el tipo de decisión «{{type}}»' },
  'decisions.unknown_type': { en: 'Unknown decision type "{{type}}"', fr: 'Type de décision inconnu : « {{type}} »', es: 'Tipo de decisión desconocido: «{{type}}»' },
  'decisions.proposed_by': {
    en: 'Under the charter, "{{type}}" decisions are proposed by {{who}}',
    fr: 'Selon la charte, les décisions « {{type}} » sont proposées par {{who}}',
    es: 'Según el estatuto, las decisiones «{{type}}» las proponen {{who}}',
  },
  'decisions.proposers.convener': { en: 'conveners', fr: 'les coordinateurs', es: 'las personas convocantes' },
  'decisions.proposers.representative': { en: 'representatives holding a seat in the body', fr: 'les représentants titulaires d’un siège dans l’organe', es: 'los representantes que ocupan un puesto en el órgano' },
  'decisions.proposers.convener_or_representative': {
    en: 'convener or representatives holding a seat in the body',
    fr: 'les coordinateurs ou les représentants titulaires d’un siège dans l’organe',
    es: 'las personas convocantes o los representantes que ocupan un puesto en el órgano',
  },
  'decisions.proposers.representative_or_convener': {
    en: 'representative or conveners holding a seat in the body',
    fr: 'les représentants titulaires d’un siège dans l’organe ou les coordinateurs',
    es: 'los representantes que ocupan un puesto en el órgano o las personas convocantes',
  },
  'decisions.not_your_seat_in_body': { en: 'You do not hold seat "{{seat}}" in this body', fr: 'Vous n’êtes pas titulaire du siège « {{seat}} » dans cet organe', es: 'Usted no ocupa el puesto «{{seat}}» en este órgano' },
  'decisions.amendment_required': { en: 'An amendment proposes the new charter', fr: 'Une modification propose la nouvelle charte', es: 'Una reforma propone el nuevo estatuto' },
  'decisions.not_an_amendment': { en: 'Only "{{type}}" decisions carry a new charter', fr: 'Seules les décisions « {{type}} » portent une nouvelle charte', es: 'Solo las decisiones «{{type}}» llevan un nuevo estatuto' },
  'decisions.not_proposed': { en: 'Only a proposed decision awaiting seconders can be seconded', fr: 'Seule une décision proposée en attente d’appuis peut être appuyée', es: 'Solo se puede apoyar una decisión propuesta que espera apoyos' },
  'decisions.proposer_cannot_second': { en: 'The proposer cannot second their own motion', fr: 'L’auteur d’une motion ne peut pas l’appuyer lui-même', es: 'Quien propone una moción no puede apoyarla' },
  'decisions.seconding_needs_seat': { en: 'Seconding needs a seat in the body that has not seconded yet', fr: 'Pour appuyer la motion, il faut un siège de l’organe qui ne l’a pas encore appuyée', es: 'Para apoyar la moción hace falta un puesto del órgano que aún no la haya apoyado' },
  'decisions.cannot_second_from': { en: 'You cannot second from seat "{{seat}}"', fr: 'Vous ne pouvez pas appuyer depuis le siège « {{seat}} »', es: 'No puede apoyar desde el puesto «{{seat}}»' },

  // withdrawing, closing, putting to the vote again
  'decisions.withdraw_forbidden': { en: 'Only the proposer or a convener withdraws a decision', fr: 'Seul l’auteur de la proposition ou un coordinateur peut retirer une décision', es: 'Solo quien la propuso o una persona convocante puede retirar una decisión' },
  'decisions.cannot_be_withdrawn': { en: 'A {{status}} decision cannot be withdrawn', fr: 'Une décision {{status}} ne peut pas être retirée', es: 'Una decisión {{status}} no puede retirarse' },
  'decisions.cannot_be_closed': { en: 'A {{status}} decision cannot be closed', fr: 'Une décision {{status}} ne peut pas être close', es: 'Una decisión {{status}} no puede cerrarse' },
  'decisions.no_early_close': {
    en: 'The charter does not let a convener close "{{type}}" decisions early; voting ends at {{at}}',
    fr: 'La charte ne permet pas à un coordinateur de clore par anticipation les décisions « {{type}} » ; le vote se termine le {{at}}',
    es: 'El estatuto no permite que una persona convocante cierre antes de tiempo las decisiones «{{type}}»; la votación termina el {{at}}',
  },
  'decisions.not_referred': { en: 'Only a decision its procedure referred is put to the vote again', fr: 'Seule une décision renvoyée par sa procédure peut être remise aux voix', es: 'Solo una decisión remitida por su procedimiento puede someterse de nuevo a votación' },
  'decisions.no_next_stage': { en: 'The charter in force has no stage after the referral', fr: 'La charte en vigueur n’a pas d’étape après le renvoi', es: 'El estatuto vigente no tiene ninguna etapa después de la remisión' },
  'decisions.no_such_body': { en: 'The charter has no body "{{body}}"', fr: 'La charte n’a pas d’organe « {{body}} »', es: 'El estatuto no tiene el órgano «{{body}}»' },
  'decisions.not_closed': {
    en: 'An outcome statement and a review date are added once the decision has closed',
    fr: 'Un relevé de décision et une date de révision s’ajoutent une fois la décision close',
    es: 'El acta de la decisión y la fecha de revisión se añaden cuando la decisión se ha cerrado',
  },
  'decisions.withdrawn_no_comments': { en: 'A withdrawn decision takes no more comments', fr: 'Une décision retirée n’accepte plus de commentaires', es: 'Una decisión retirada ya no admite comentarios' },

  // voting
  'decisions.awaits_seconders': { en: 'Voting has not opened: the motion awaits its seconders', fr: 'Le vote n’est pas ouvert : la motion attend ses appuis', es: 'La votación no se ha abierto: la moción espera sus apoyos' },
  'decisions.no_more_ballots': { en: 'This decision is {{status}}: no more ballots', fr: 'Cette décision est {{status}} : elle n’accepte plus de bulletins', es: 'Esta decisión está {{status}}: ya no admite votos' },
  'decisions.voting_opens_at': { en: 'Voting opens at {{at}}', fr: 'Le vote s’ouvre le {{at}}', es: 'La votación se abre el {{at}}' },
  'decisions.voting_closed_at': { en: 'Voting closed at {{at}}', fr: 'Le vote a été clos le {{at}}', es: 'La votación se cerró el {{at}}' },
  'decisions.poll_answer_self': { en: 'In a poll everyone answers for themselves: use "me"', fr: 'Dans un sondage, chacun répond pour soi : utilisez « me »', es: 'En una encuesta cada persona responde por sí misma: use «me»' },
  'decisions.poll_answer_required': { en: 'A poll answer is required', fr: 'Une réponse au sondage est requise', es: 'Se requiere una respuesta a la encuesta' },
  'decisions.seat_not_on_roll': { en: 'Seat "{{seat}}" is not on this decision\'s roll', fr: 'Le siège « {{seat}} » ne figure pas sur la liste des votants de cette décision', es: 'El puesto «{{seat}}» no figura en el censo de esta decisión' },
  'decisions.may_not_vote_for_seat': {
    en: 'You may not vote for seat "{{seat}}": it is cast by its holder, its organisation\'s representative, its alternate or a proxy holder',
    fr: 'Vous ne pouvez pas voter pour le siège « {{seat}} » : son vote revient à son titulaire, au représentant de son organisation, à son suppléant ou à un mandataire',
    es: 'No puede votar por el puesto «{{seat}}»: lo hace su titular, el representante de su organización, su suplente o una persona delegada',
  },
  'decisions.seat_non_voting': { en: 'Seat "{{seat}}" is a non-voting seat', fr: 'Le siège « {{seat}} » est un siège sans voix', es: 'El puesto «{{seat}}» es un puesto sin voto' },
  'decisions.seat_recused': { en: 'Seat "{{seat}}" declared a conflict of interest and left the base', fr: 'Le siège « {{seat}} » a déclaré un conflit d’intérêts et est sorti de la base', es: 'El puesto «{{seat}}» declaró un conflicto de intereses y salió de la base' },
  'decisions.choose_one_of': { en: 'Choose one of {{choices}}', fr: 'Choisissez l’une de ces valeurs : {{choices}}', es: 'Elija uno de estos valores: {{choices}}' },
  'decisions.block_needs_reason': { en: 'A block needs a reason', fr: 'Un blocage doit être motivé', es: 'Un bloqueo necesita un motivo' },
  'decisions.objection_needs_reason': { en: 'A objection needs a reason', fr: 'Une objection doit être motivée', es: 'Una objeción necesita un motivo' },
  'decisions.already_voted_by_other': {
    en: 'Seat "{{seat}}" has already voted through someone else; only they can change the ballot',
    fr: 'Le siège « {{seat}} » a déjà voté par l’intermédiaire d’une autre personne ; elle seule peut changer le bulletin',
    es: 'El puesto «{{seat}}» ya votó a través de otra persona; solo ella puede cambiar el voto',
  },

  // recusal
  'decisions.recusal_not_allowed': { en: 'This decision type does not allow recusal', fr: 'Ce type de décision n’admet pas la récusation', es: 'Este tipo de decisión no admite la recusación' },
  'decisions.only_holder_recuses': { en: 'Only the holder of seat "{{seat}}" declares its conflict of interest', fr: 'Seul le titulaire du siège « {{seat}} » peut déclarer son conflit d’intérêts', es: 'Solo el titular del puesto «{{seat}}» puede declarar su conflicto de intereses' },
  'decisions.already_recused': { en: 'Seat "{{seat}}" has already recused itself', fr: 'Le siège « {{seat}} » s’est déjà récusé', es: 'El puesto «{{seat}}» ya se ha recusado' },

  // proxies
  'decisions.only_holder_grants_proxy': { en: 'Only the holder of seat "{{seat}}" hands over its vote', fr: 'Seul le titulaire du siège « {{seat}} » peut confier son vote', es: 'Solo el titular del puesto «{{seat}}» puede delegar su voto' },
  'decisions.proxy_to_self': { en: 'A proxy goes to someone else', fr: 'Une procuration se donne à une autre personne', es: 'Una delegación de voto se otorga a otra persona' },
  'decisions.proxy_holder_not_voter': {
    en: 'The proxy holder must be a convener, representative or member of this partnership (observers do not vote)',
    fr: 'Le mandataire doit être coordinateur, représentant ou membre de ce partenariat (les observateurs ne votent pas)',
    es: 'La persona delegada debe ser convocante, representante o miembro de esta alianza (los observadores no votan)',
  },
  'decisions.proxy_withdrawn': { en: 'The proxy for seat "{{seat}}" has been withdrawn', fr: 'La procuration du siège « {{seat}} » a été retirée', es: 'La delegación del puesto «{{seat}}» ha sido retirada' },
  'decisions.only_holder_withdraws_proxy': {
    en: 'Only the holder of seat "{{seat}}" or a convener withdraws its proxy',
    fr: 'Seul le titulaire du siège « {{seat}} » ou un coordinateur peut retirer sa procuration',
    es: 'Solo el titular del puesto «{{seat}}» o una persona convocante puede retirar su delegación',
  },
  'decisions.proxy_for_seat': { en: 'A proxy for seat "{{seat}}" in this decision', fr: 'Une procuration du siège « {{seat}} » pour cette décision', es: 'una delegación del puesto «{{seat}}» en esta decisión' },
  'decisions.proxy_used': {
    en: '{{name}} has already voted for seat "{{seat}}" by proxy: that ballot stands, and the proxy can no longer be withdrawn',
    fr: '{{name}} a déjà voté pour le siège « {{seat}} » par procuration : ce bulletin est maintenu, et la procuration ne peut plus être retirée',
    es: '{{name}} ya votó por el puesto «{{seat}}» por delegación: ese voto se mantiene y la delegación ya no puede retirarse',
  },
  'decisions.the_proxy_holder': { en: 'The proxy holder', fr: 'Le mandataire', es: 'La persona delegada' },
} as const satisfies Catalog;
