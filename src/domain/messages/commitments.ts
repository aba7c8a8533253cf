import type { Catalog } from '../kernel/messages';

/** Messages of commitments. Keys start with "commitments.". */
export const commitments = {
  // ---- what is named in a sentence ----
  'commitments.the_commitment': { en: 'The commitment', fr: 'L’engagement', es: 'el compromiso' },
  'commitments.the_delivery': { en: 'The delivery', fr: 'La livraison', es: 'la entrega' },
  /** A list of two or more items: `first` is one item, `rest` the item or the list that follows. */

  // ---- statuses (English keeps the API's own values) ----
  'commitments.status.pledged': { en: 'pledged', fr: 'promis', es: 'comprometido' },
  'commitments.status.confirmed': { en: 'confirmed', fr: 'confirmé', es: 'confirmado' },
  'commitments.status.partially_delivered': { en: 'partially_delivered', fr: 'livré en partie', es: 'entregado en parte' },
  'commitments.status.delivered': { en: 'delivered', fr: 'livré', es: 'entregado' },
  'commitments.status.cancelled': { en: 'cancelled', fr: 'annulé', es: 'cancelado' },
  'commitments.status.withdrawn': { en: 'withdrawn', fr: 'retiré', es: 'retirado' },
  'commitments.delivery_status.recorded': { en: 'recorded', fr: 'enregistrée', es: 'registrada' },
  'commitments.delivery_status.confirmed': { en: 'confirmed', fr: 'confirmée', es: 'confirmada' },
  'commitments.delivery_status.rejected': { en: 'rejected', fr: 'refusée', es: 'rechazada' },
  'commitments.delivery_status.reversed': { en: 'reversed', fr: 'contre-passée', es: 'revertida' },

  // ---- general field problems ----
  'commitments.date_format': { en: 'Use a date written YYYY-MM-DD', fr: 'Utilisez une date au format AAAA-MM-JJ', es: 'Use una fecha con el formato AAAA-MM-DD' },
  'commitments.too_long': { en: 'Use at most {{max}} characters', fr: 'Utilisez au plus {{max}} caractères', es: 'Use como máximo {{max}} caracteres' },
  'commitments.too_many_decimals': { en: 'Use at most {{max}} decimals', fr: 'Utilisez au plus {{max}} décimales', es: 'Use como máximo {{max}} decimales' },
  /** `what` is one of the `commitments.what.*` entries (lower case in French and Spanish: it follows the verb). */
  'commitments.text.required': { en: '{{what}} is required', fr: 'Indiquez {{what}}', es: 'Indique {{what}}' },
  'commitments.text.not_text': { en: '{{what}} is text', fr: 'Écrivez {{what}} sous forme de texte', es: 'Escriba {{what}} como texto' },
  'commitments.what.valuation_basis': { en: 'The basis of the valuation', fr: 'la base de la valorisation', es: 'la base de la valoración' },
  'commitments.what.description': { en: 'A description', fr: 'une description', es: 'una descripción' },
  'commitments.what.condition': { en: 'A condition', fr: 'la condition', es: 'la condición' },
  'commitments.what.note': { en: 'A note', fr: 'la note', es: 'la nota' },

  // ---- quantities and amounts ----
  'commitments.quantity.invalid': { en: 'A quantity has a value and a unit', fr: 'Une quantité comporte une valeur et une unité', es: 'Una cantidad tiene un valor y una unidad' },
  'commitments.quantity.not_a_number': { en: 'Write the quantity as a number such as 200 or 12.5', fr: 'Écrivez la quantité sous forme de nombre, par exemple 200 ou 12.5', es: 'Escriba la cantidad como un número, por ejemplo 200 o 12.5' },
  'commitments.quantity.not_positive': { en: 'A quantity is more than zero', fr: 'La quantité doit être supérieure à zéro', es: 'La cantidad debe ser mayor que cero' },
  'commitments.quantity.digits_only': { en: 'Write the quantity with digits and "." only, such as 1000000 or 12.5', fr: 'Écrivez la quantité uniquement avec des chiffres et « . », par exemple 1000000 ou 12.5', es: 'Escriba la cantidad solo con cifras y «.», por ejemplo 1000000 o 12.5' },
  'commitments.quantity.unit_required': { en: 'Name the unit: person-days, doses, tonnes...', fr: 'Indiquez l’unité : jours-personnes, doses, tonnes…', es: 'Indique la unidad: días-persona, dosis, toneladas…' },
  'commitments.amount.invalid': { en: 'An amount is integer minor units with a currency', fr: 'Un montant s’exprime en unités mineures entières, avec une devise', es: 'Un importe se expresa en unidades menores enteras, con una moneda' },
  'commitments.amount.negative': { en: 'An amount is not negative', fr: 'Un montant ne peut pas être négatif', es: 'Un importe no puede ser negativo' },
  'commitments.amount.not_positive': { en: 'An amount is more than zero', fr: 'Un montant doit être supérieur à zéro', es: 'Un importe debe ser mayor que cero' },
  'commitments.amount.too_large': { en: 'The amount is too large', fr: 'Le montant est trop élevé', es: 'El importe es demasiado grande' },

  // ---- terms and tranches ----
  'commitments.cash_has_no_quantity': { en: 'A cash pledge has no quantity: its amount is its valuation', fr: 'Une promesse en numéraire n’a pas de quantité : son montant est sa valorisation', es: 'Un compromiso en efectivo no tiene cantidad: su importe es su valoración' },
  'commitments.tranches.required': { en: 'Give at least one tranche: what is due by when', fr: 'Indiquez au moins une tranche : ce qui est dû, et à quelle échéance', es: 'Indique al menos un tramo: qué vence y cuándo' },
  'commitments.tranches.too_many': { en: 'Use at most {{max}} tranches', fr: 'Utilisez au plus {{max}} tranches', es: 'Use como máximo {{max}} tramos' },
  'commitments.tranches.before_pledge': { en: 'A tranche cannot be due before the pledge ({{date}})', fr: 'Une tranche ne peut pas être due avant la promesse ({{date}})', es: 'Un tramo no puede vencer antes del compromiso ({{date}})' },
  'commitments.tranches.currency': { en: 'Tranches are in the currency of the valuation ({{currency}})', fr: 'Les tranches sont dans la devise de la valorisation ({{currency}})', es: 'Los tramos están en la moneda de la valoración ({{currency}})' },
  'commitments.tranches.no_quantity': { en: 'The commitment has no quantity, so its tranches have none', fr: 'L’engagement n’a pas de quantité : ses tranches n’en ont donc pas', es: 'El compromiso no tiene cantidad, así que sus tramos tampoco' },
  'commitments.tranches.quantity_all_or_none': { en: 'Give a quantity for every tranche or for none', fr: 'Indiquez une quantité pour chaque tranche ou pour aucune', es: 'Indique una cantidad para todos los tramos o para ninguno' },
  'commitments.tranches.total_value': { en: 'The tranches add up to {{total}}, not the valuation of {{valuation}}', fr: 'Les tranches totalisent {{total}}, et non la valorisation de {{valuation}}', es: 'Los tramos suman {{total}}, no la valoración de {{valuation}}' },
  'commitments.tranches.total_quantity': { en: 'The tranches add up to {{total}}, not {{expected}}', fr: 'Les tranches totalisent {{total}}, et non {{expected}}', es: 'Los tramos suman {{total}}, no {{expected}}' },
  'commitments.unit_of_commitment': { en: 'Use the unit of the commitment ({{unit}})', fr: 'Utilisez l’unité de l’engagement ({{unit}})', es: 'Use la unidad del compromiso ({{unit}})' },

  // ---- a pledge ----
  'commitments.invalid_fields': { en: 'The commitment has invalid fields', fr: 'L’engagement contient des champs non valides', es: 'El compromiso tiene campos no válidos' },
  'commitments.partner.required': { en: 'Name the pledging partner', fr: 'Indiquez le partenaire qui s’engage', es: 'Indique el socio que se compromete' },
  'commitments.partner.not_member': { en: 'The pledging organisation is not a member of this partnership', fr: 'L’organisation qui s’engage n’est pas membre de ce partenariat', es: 'La organización que se compromete no es miembro de esta alianza' },
  'commitments.partner.not_current_member': { en: 'The pledging organisation is not a current member of this partnership', fr: 'L’organisation qui s’engage n’est pas un membre actuel de ce partenariat', es: 'La organización que se compromete no es un miembro actual de esta alianza' },
  'commitments.not_current_member': { en: 'Not a current member of this partnership', fr: 'Ce n’est pas un membre actuel de ce partenariat', es: 'No es un miembro actual de esta alianza' },
  'commitments.kind.invalid': { en: 'Use one of: {{kinds}}', fr: 'Utilisez l’une de ces valeurs : {{kinds}}', es: 'Use uno de estos valores: {{kinds}}' },
  'commitments.conditions.too_many': { en: 'Use at most {{max}} conditions', fr: 'Utilisez au plus {{max}} conditions', es: 'Use como máximo {{max}} condiciones' },
  'commitments.goals.too_many': { en: 'Use at most {{max}} goals', fr: 'Utilisez au plus {{max}} objectifs', es: 'Use como máximo {{max}} objetivos' },
  'commitments.goals.unknown': { en: 'Not a goal of this partnership', fr: 'Ce n’est pas un objectif de ce partenariat', es: 'No es un objetivo de esta alianza' },
  'commitments.goals.duplicate': { en: 'A goal is listed twice', fr: 'Un objectif figure deux fois', es: 'Un objetivo aparece dos veces' },
  'commitments.decision.unknown': { en: 'Not a decision of this partnership', fr: 'Ce n’est pas une décision de ce partenariat', es: 'No es una decisión de esta alianza' },
  'commitments.pledge.own_only': { en: 'A representative pledges for their own organisation only', fr: 'Un représentant ne s’engage que pour sa propre organisation', es: 'Un representante solo se compromete en nombre de su propia organización' },
  'commitments.pledge.name_yours': { en: 'Name the organisation you represent', fr: 'Indiquez l’organisation que vous représentez', es: 'Indique la organización que usted representa' },
  'commitments.pledge.in_future': { en: 'A pledge cannot be dated in the future', fr: 'Une promesse ne peut pas être datée dans le futur', es: 'Un compromiso no puede tener una fecha futura' },
  'commitments.own.amend': {
    en: 'Only a convener or a representative of the pledging organisation amends a commitment',
    fr: 'Seul un coordinateur ou un représentant de l’organisation qui s’est engagée peut modifier un engagement',
    es: 'Solo un convocante o un representante de la organización que se comprometió puede modificar un compromiso',
  },
  'commitments.own.withdraw': {
    en: 'Only a convener or a representative of the pledging organisation withdraws a commitment',
    fr: 'Seul un coordinateur ou un représentant de l’organisation qui s’est engagée peut retirer un engagement',
    es: 'Solo un convocante o un representante de la organización que se comprometió puede retirar un compromiso',
  },
  'commitments.own.record_deliveries': {
    en: 'Only a convener or a representative of the pledging organisation records its deliveries',
    fr: 'Seul un coordinateur ou un représentant de l’organisation qui s’est engagée peut enregistrer ses livraisons',
    es: 'Solo un convocante o un representante de la organización que se comprometió puede registrar sus entregas',
  },

  // ---- the lifecycle ----
  'commitments.transition.derived': {
    en: 'A commitment cannot move from {{from}} to {{to}}; {{to}} follows from the confirmed deliveries, record a delivery instead',
    fr: 'Un engagement ne peut pas passer du statut « {{from}} » au statut « {{to}} » ; le statut « {{to}} » découle des livraisons confirmées : enregistrez plutôt une livraison',
    es: 'Un compromiso no puede pasar del estado «{{from}}» al estado «{{to}}»; el estado «{{to}}» se deriva de las entregas confirmadas: registre una entrega en su lugar',
  },
  'commitments.transition.allowed': {
    en: 'A commitment cannot move from {{from}} to {{to}}; allowed: {{allowed}}',
    fr: 'Un engagement ne peut pas passer du statut « {{from}} » au statut « {{to}} » ; statuts possibles : {{allowed}}',
    es: 'Un compromiso no puede pasar del estado «{{from}}» al estado «{{to}}»; estados posibles: {{allowed}}',
  },
  'commitments.transition.fully_delivered': {
    en: 'A commitment cannot move from {{from}} to {{to}}; it is fully delivered (amend it to pledge more)',
    fr: 'Un engagement ne peut pas passer du statut « {{from}} » au statut « {{to}} » ; il est entièrement livré (modifiez-le pour promettre davantage)',
    es: 'Un compromiso no puede pasar del estado «{{from}}» al estado «{{to}}»; está entregado en su totalidad (modifíquelo para comprometer más)',
  },
  'commitments.transition.final': {
    en: 'A commitment cannot move from {{from}} to {{to}}; it is {{from}}',
    fr: 'Un engagement ne peut pas passer du statut « {{from}} » au statut « {{to}} » ; il est {{from}}',
    es: 'Un compromiso no puede pasar del estado «{{from}}» al estado «{{to}}»; está {{from}}',
  },
  'commitments.not_allowed_from': { en: 'Not allowed from {{from}}', fr: 'Non autorisé depuis le statut « {{from}} »', es: 'No permitido desde el estado «{{from}}»' },
  'commitments.reason.ended': { en: 'Say why the commitment is {{status}}', fr: 'Indiquez pourquoi l’engagement est {{status}}', es: 'Indique por qué el compromiso queda {{status}}' },
  'commitments.change_invalid_fields': { en: 'The change has invalid fields', fr: 'Le changement contient des champs non valides', es: 'El cambio tiene campos no válidos' },
  'commitments.pending_first': { en: 'Confirm or reject the deliveries awaiting confirmation first', fr: 'Confirmez ou refusez d’abord les livraisons en attente de confirmation', es: 'Confirme o rechace primero las entregas pendientes de confirmación' },
  'commitments.pending_deliveries': { en: 'Deliveries await confirmation', fr: 'Des livraisons sont en attente de confirmation', es: 'Hay entregas pendientes de confirmación' },
  'commitments.commitment_is': { en: 'The commitment is {{status}}', fr: 'L’engagement est au statut « {{status}} »', es: 'El compromiso está en estado «{{status}}»' },

  // ---- deliveries ----
  'commitments.delivery.invalid_fields': { en: 'The delivery has invalid fields', fr: 'La livraison contient des champs non valides', es: 'La entrega tiene campos no válidos' },
  'commitments.delivery.in_future': { en: 'A delivery cannot be dated in the future', fr: 'Une livraison ne peut pas être datée dans le futur', es: 'Una entrega no puede tener una fecha futura' },
  'commitments.delivery.before_pledge': { en: 'A delivery cannot be dated before the pledge ({{date}})', fr: 'Une livraison ne peut pas être datée d’avant la promesse ({{date}})', es: 'Una entrega no puede tener una fecha anterior al compromiso ({{date}})' },
  'commitments.delivery.currency': { en: 'Deliveries are in the currency of the commitment ({{currency}})', fr: 'Les livraisons sont dans la devise de l’engagement ({{currency}})', es: 'Las entregas están en la moneda del compromiso ({{currency}})' },
  'commitments.delivery.no_quantity': { en: 'The commitment has no quantity: deliver a value', fr: 'L’engagement n’a pas de quantité : livrez une valeur', es: 'El compromiso no tiene cantidad: entregue un valor' },
  'commitments.delivery.nothing': { en: 'Deliver a value above zero, or a quantity', fr: 'Livrez une valeur supérieure à zéro, ou une quantité', es: 'Entregue un valor mayor que cero, o una cantidad' },
  'commitments.delivery.recorded_by': { en: 'Say who recorded the delivery', fr: 'Indiquez qui a enregistré la livraison', es: 'Indique quién registró la entrega' },
  'commitments.delivery.value_required': {
    en: 'State the value delivered (or, for a commitment with a quantity, the quantity)',
    fr: 'Indiquez la valeur livrée (ou, pour un engagement avec une quantité, la quantité)',
    es: 'Indique el valor entregado (o, para un compromiso con cantidad, la cantidad)',
  },
  'commitments.delivery.exceeds_remaining': {
    en: 'This delivery ({{delivery}}) is more than what remains of the commitment ({{remaining}}): amend the commitment first',
    fr: 'Cette livraison ({{delivery}}) dépasse ce qui reste de l’engagement ({{remaining}}) : modifiez d’abord l’engagement',
    es: 'Esta entrega ({{delivery}}) supera lo que queda del compromiso ({{remaining}}): modifique primero el compromiso',
  },
  'commitments.evidence.invalid': { en: 'Evidence is a link (https://...) or a file reference (file:<id>)', fr: 'Un justificatif est un lien (https://…) ou une référence de fichier (file:<id>)', es: 'Un justificante es un enlace (https://…) o una referencia de archivo (file:<id>)' },
  'commitments.evidence.too_many': { en: 'Give at most {{max}} pieces of evidence', fr: 'Joignez au plus {{max}} justificatifs', es: 'Aporte como máximo {{max}} justificantes' },
  'commitments.delivery.not_confirmed': {
    en: 'No delivery can be recorded against a {{status}} commitment: confirm the commitment first',
    fr: 'Aucune livraison ne peut être enregistrée pour un engagement au statut « {{status}} » : confirmez d’abord l’engagement',
    es: 'No se puede registrar ninguna entrega para un compromiso en estado «{{status}}»: confirme primero el compromiso',
  },
  'commitments.delivery.fully_delivered': {
    en: 'No delivery can be recorded against a {{status}} commitment: it is fully delivered; amend it first to deliver more',
    fr: 'Aucune livraison ne peut être enregistrée pour un engagement au statut « {{status}} » : il est entièrement livré ; modifiez-le d’abord pour livrer davantage',
    es: 'No se puede registrar ninguna entrega para un compromiso en estado «{{status}}»: está entregado en su totalidad; modifíquelo primero para entregar más',
  },
  'commitments.delivery.ended': {
    en: 'No delivery can be recorded against a {{status}} commitment: it is {{status}}',
    fr: 'Aucune livraison ne peut être enregistrée pour un engagement au statut « {{status}} » : il est {{status}}',
    es: 'No se puede registrar ninguna entrega para un compromiso en estado «{{status}}»: está {{status}}',
  },
  'commitments.delivery.receiver_only': {
    en: 'A delivery is confirmed or rejected by a convener or the receiving organisation, never by the delivering one',
    fr: 'Une livraison est confirmée ou refusée par un coordinateur ou par l’organisation destinataire, jamais par celle qui livre',
    es: 'Una entrega la confirma o la rechaza un convocante o la organización receptora, nunca la que entrega',
  },
  'commitments.delivery_transition.allowed': {
    en: 'A delivery cannot move from {{from}} to {{to}}; allowed: {{allowed}}',
    fr: 'Une livraison ne peut pas passer du statut « {{from}} » au statut « {{to}} » ; statuts possibles : {{allowed}}',
    es: 'Una entrega no puede pasar del estado «{{from}}» al estado «{{to}}»; estados posibles: {{allowed}}',
  },
  'commitments.delivery_transition.final': {
    en: 'A delivery cannot move from {{from}} to {{to}}; it is {{from}}',
    fr: 'Une livraison ne peut pas passer du statut « {{from}} » au statut « {{to}} » ; elle est {{from}}',
    es: 'Una entrega no puede pasar del estado «{{from}}» al estado «{{to}}»; está {{from}}',
  },
  'commitments.delivery_transition.commitment_ended': {
    en: 'The commitment is {{status}}: its pending deliveries can only be rejected',
    fr: 'L’engagement est {{status}} : ses livraisons en attente ne peuvent qu’être refusées',
    es: 'El compromiso está {{status}}: sus entregas pendientes solo pueden rechazarse',
  },
  'commitments.delivery.reason_rejected': { en: 'Say why the delivery is rejected', fr: 'Indiquez pourquoi la livraison est refusée', es: 'Indique por qué se rechaza la entrega' },
  'commitments.delivery.reason_reversed': { en: 'Say why the delivery is reversed', fr: 'Indiquez pourquoi la livraison est contre-passée', es: 'Indique por qué se revierte la entrega' },

  // ---- amendments ----
  'commitments.amend.invalid_fields': { en: 'The amendment has invalid fields', fr: 'L’avenant contient des champs non valides', es: 'La modificación tiene campos no válidos' },
  'commitments.amend.ended': { en: 'A {{status}} commitment cannot be amended', fr: 'Un engagement {{status}} ne peut pas être modifié', es: 'Un compromiso {{status}} no puede modificarse' },
  'commitments.amend.reason': { en: 'Say why the commitment is amended', fr: 'Indiquez pourquoi l’engagement est modifié', es: 'Indique por qué se modifica el compromiso' },
  'commitments.amend.currency_change': {
    en: 'The currency of a commitment cannot change: record a new commitment instead',
    fr: 'La devise d’un engagement ne peut pas changer : enregistrez plutôt un nouvel engagement',
    es: 'La moneda de un compromiso no puede cambiar: registre en su lugar un nuevo compromiso',
  },
  'commitments.amend.unit_change': { en: 'Deliveries are counted in {{unit}}: the unit cannot change', fr: 'Les livraisons sont comptées en {{unit}} : l’unité ne peut pas changer', es: 'Las entregas se cuentan en {{unit}}: la unidad no puede cambiar' },
  'commitments.amend.no_change': { en: 'The amendment changes nothing', fr: 'L’avenant ne change rien', es: 'La modificación no cambia nada' },
  'commitments.amend.below_delivered_value': {
    en: '{{amount}} is already delivered or awaiting confirmation: the valuation cannot be lower',
    fr: 'La valorisation ne peut pas être inférieure à ce qui est déjà livré ou en attente de confirmation ({{amount}})',
    es: 'La valoración no puede ser inferior a lo ya entregado o pendiente de confirmación ({{amount}})',
  },
  'commitments.amend.below_delivered_quantity': {
    en: '{{quantity}} are already delivered or awaiting confirmation: the quantity cannot be lower',
    fr: 'La quantité ne peut pas être inférieure à ce qui est déjà livré ou en attente de confirmation ({{quantity}})',
    es: 'La cantidad no puede ser inferior a lo ya entregado o pendiente de confirmación ({{quantity}})',
  },
  'commitments.amend.quantity_removed': {
    en: 'Deliveries are counted in quantities: the quantity cannot be removed',
    fr: 'Les livraisons sont comptées en quantités : la quantité ne peut pas être supprimée',
    es: 'Las entregas se cuentan en cantidades: la cantidad no puede eliminarse',
  },
} as const satisfies Catalog;
