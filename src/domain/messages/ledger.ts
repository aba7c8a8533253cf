import type { Catalog } from '../kernel/messages';

/** Messages of ledger. Keys start with "ledger.". */
export const ledger = {
  // words used inside sentences
  'ledger.the_transaction': { en: 'The transaction', fr: 'L’écriture', es: 'el asiento' },
  'ledger.side.debit': { en: 'debit', fr: 'débit', es: 'débito' },
  'ledger.side.credit': { en: 'credit', fr: 'crédit', es: 'crédito' },
  'ledger.tx_type.pledge': { en: 'pledge', fr: 'promesse', es: 'compromiso' },
  'ledger.tx_type.pledge_release': { en: 'pledge_release', fr: 'libération', es: 'liberación' },
  'ledger.tx_type.delivery': { en: 'delivery', fr: 'livraison', es: 'entrega' },
  'ledger.tx_type.expense': { en: 'expense', fr: 'dépense', es: 'gasto' },
  'ledger.tx_type.disbursement': { en: 'disbursement', fr: 'versement', es: 'desembolso' },
  'ledger.tx_type.exchange': { en: 'exchange', fr: 'change', es: 'cambio' },
  'ledger.tx_type.reversal': { en: 'reversal', fr: 'contre-passation', es: 'reversión' },
  'ledger.tx_type.adjustment': { en: 'adjustment', fr: 'ajustement', es: 'ajuste' },
  'ledger.decision_status.proposed': { en: 'proposed', fr: 'en attente d’appuis', es: 'esperando apoyos' },
  'ledger.decision_status.open': { en: 'open', fr: 'ouverte au vote', es: 'abierta a votación' },
  'ledger.decision_status.closed': { en: 'closed', fr: 'close', es: 'cerrada' },
  'ledger.decision_status.withdrawn': { en: 'withdrawn', fr: 'retirée', es: 'retirada' },
  'ledger.decision_outcome.adopted': { en: 'adopted', fr: 'adoptée', es: 'aprobada' },
  'ledger.decision_outcome.rejected': { en: 'rejected', fr: 'rejetée', es: 'rechazada' },
  'ledger.decision_outcome.no_quorum': { en: 'no_quorum', fr: 'quorum non atteint', es: 'sin quórum' },
  'ledger.decision_outcome.referred': { en: 'referred', fr: 'renvoyée', es: 'remitida' },

  // accounts and transactions (domain)
  'ledger.not_an_account': { en: '"{{id}}" is not an account id', fr: '« {{id}} » n’est pas un identifiant de compte', es: '«{{id}}» no es un identificador de cuenta' },
  'ledger.not_a_partner': { en: '{{partner}} is not a partner of this partnership', fr: '{{partner}} n’est pas partenaire de ce partenariat', es: '{{partner}} no es socio de esta alianza' },
  'ledger.not_a_budget_line': { en: '{{line}} is not a budget line of this partnership', fr: '{{line}} n’est pas une ligne budgétaire de ce partenariat', es: '{{line}} no es una partida presupuestaria de esta alianza' },
  'ledger.not_an_activity': { en: '{{activity}} is not an activity of the budget line {{line}}', fr: '{{activity}} n’est pas une activité de la ligne budgétaire {{line}}', es: '{{activity}} no es una actividad de la partida presupuestaria {{line}}' },
  'ledger.use_one_of': { en: 'Use one of: {{values}}', fr: 'Utilisez l’une de ces valeurs : {{values}}', es: 'Use uno de estos valores: {{values}}' },
  'ledger.date_format': { en: 'Use a date written YYYY-MM-DD', fr: 'Saisissez une date au format AAAA-MM-JJ', es: 'Use una fecha con el formato AAAA-MM-DD' },
  'ledger.describe_transaction': { en: 'Describe the transaction', fr: 'Décrivez l’écriture', es: 'Describa el asiento' },
  'ledger.at_most_characters': { en: 'Use at most {{max}} characters', fr: 'Utilisez au plus {{max}} caractères', es: 'Use como máximo {{max}} caracteres' },
  'ledger.reversal_names_original': { en: 'A reversal names the transaction it reverses', fr: 'Une contre-passation indique l’écriture qu’elle contre-passe', es: 'Una reversión indica el asiento que revierte' },
  'ledger.too_few_entries': {
    en: 'A transaction has at least two entries: one debit and one credit',
    fr: 'Une écriture comporte au moins deux lignes : un débit et un crédit',
    es: 'Un asiento tiene al menos dos apuntes: un débito y un crédito',
  },
  'ledger.too_many_entries': { en: 'Use at most {{max}} entries', fr: 'Utilisez au plus {{max}} lignes', es: 'Use como máximo {{max}} apuntes' },
  'ledger.invalid_side': { en: 'An entry is a debit or a credit', fr: 'Une ligne d’écriture est un débit ou un crédit', es: 'Un apunte es un débito o un crédito' },
  'ledger.invalid_amount': {
    en: 'An amount is integer minor units with a currency',
    fr: 'Un montant est un nombre entier d’unités mineures, avec sa devise',
    es: 'Un importe es un número entero de unidades menores, con su moneda',
  },
  'ledger.entry_not_positive': {
    en: 'An entry amount is more than zero (use the other side instead of a negative amount)',
    fr: 'Le montant d’une ligne est supérieur à zéro (utilisez l’autre sens plutôt qu’un montant négatif)',
    es: 'El importe de un apunte es mayor que cero (use el otro lado en lugar de un importe negativo)',
  },
  'ledger.amount_too_large': { en: 'The amount is too large', fr: 'Le montant est trop élevé', es: 'El importe es demasiado grande' },
  'ledger.cash_no_quantity': { en: 'Cash has no quantity', fr: 'Le numéraire n’a pas de quantité', es: 'El efectivo no tiene cantidad' },
  'ledger.one_sided': {
    en: '{{currency}} appears only on the {{side}} side, so it cannot balance: each currency balances on its own (exchange currencies through the exchange account)',
    fr: '{{currency}} n’apparaît qu’au {{side}}, l’écriture ne peut donc pas s’équilibrer : chaque devise s’équilibre séparément (changez les devises par le compte de change)',
    es: '{{currency}} solo aparece en el lado del {{side}}, así que no puede cuadrar: cada moneda cuadra por separado (cambie divisas a través de la cuenta de cambio)',
  },
  'ledger.unbalanced': {
    en: 'The debits in {{currency}} ({{debits}}) do not equal the credits ({{credits}})',
    fr: 'Les débits en {{currency}} ({{debits}}) ne sont pas égaux aux crédits ({{credits}})',
    es: 'Los débitos en {{currency}} ({{debits}}) no son iguales a los créditos ({{credits}})',
  },
  'ledger.total_too_large': { en: 'The {{currency}} total is too large', fr: 'Le total en {{currency}} est trop élevé', es: 'El total en {{currency}} es demasiado grande' },
  'ledger.transaction_invalid': {
    en: 'The transaction does not balance or has invalid fields',
    fr: 'L’écriture n’est pas équilibrée ou contient des champs non valides',
    es: 'El asiento no cuadra o tiene campos no válidos',
  },
  'ledger.approval_required.expense': {
    en: 'This expense needs the decision that approved it',
    fr: 'Cette dépense requiert la décision qui l’a approuvée',
    es: 'Este gasto necesita la decisión que lo aprobó',
  },
  'ledger.approval_required.disbursement': {
    en: 'This disbursement needs the decision that approved it',
    fr: 'Ce versement requiert la décision qui l’a approuvé',
    es: 'Este desembolso necesita la decisión que lo aprobó',
  },

  // the budget (domain)
  'ledger.planned_negative': { en: 'A planned amount is not negative', fr: 'Un montant prévu n’est pas négatif', es: 'Un importe previsto no es negativo' },
  'ledger.planned_twice': { en: '{{currency}} is planned twice', fr: '{{currency}} est prévu deux fois', es: '{{currency}} está previsto dos veces' },
  'ledger.invalid_id': {
    en: 'Use a short id of letters, digits, "_", "." or "-"',
    fr: 'Utilisez un identifiant court fait de lettres, de chiffres, « _ », « . » ou « - »',
    es: 'Use un identificador corto de letras, cifras, «_», «.» o «-»',
  },
  'ledger.line_twice': { en: 'The budget line {{line}} is listed twice', fr: 'La ligne budgétaire {{line}} figure deux fois', es: 'La partida presupuestaria {{line}} aparece dos veces' },
  'ledger.activity_twice': { en: 'The activity {{activity}} is listed twice', fr: 'L’activité {{activity}} figure deux fois', es: 'La actividad {{activity}} aparece dos veces' },
  'ledger.activities_exceed_line': {
    en: 'The activities plan more {{currency}} than the line',
    fr: 'Les activités prévoient plus de {{currency}} que la ligne',
    es: 'Las actividades prevén más {{currency}} que la partida',
  },

  // reading input and settings (service)
  'ledger.amount_not_positive': { en: 'An amount is more than zero', fr: 'Un montant est supérieur à zéro', es: 'Un importe es mayor que cero' },
  'ledger.restate_threshold': {
    en: 'The approval threshold is in {{before}}: restate it in {{currency}}',
    fr: 'Le seuil d’approbation est en {{before}} : redéfinissez-le en {{currency}}',
    es: 'El umbral de aprobación está en {{before}}: vuelva a indicarlo en {{currency}}',
  },
  'ledger.settings_invalid': { en: 'The settings have invalid fields', fr: 'Les paramètres contiennent des champs non valides', es: 'Los ajustes tienen campos no válidos' },

  // the approval rule (service)
  'ledger.decision_unknown': {
    en: 'The decision is not a decision of this partnership',
    fr: 'Cette décision n’est pas une décision de ce partenariat',
    es: 'Esta decisión no es una decisión de esta alianza',
  },
  'ledger.decision_unknown_short': { en: 'No such decision in this partnership', fr: 'Aucune décision de ce type dans ce partenariat', es: 'No existe esa decisión en esta alianza' },
  'ledger.decision_not_passed': { en: 'The decision has not passed', fr: 'La décision n’a pas été adoptée', es: 'La decisión no ha sido aprobada' },
  'ledger.decision_status_is': {
    en: 'The decision is {{status}}: only an adopted decision approves spending',
    fr: 'La décision est {{status}} : seule une décision adoptée peut approuver une dépense',
    es: 'La decisión está {{status}}: solo una decisión aprobada puede autorizar un gasto',
  },
  'ledger.decision_status_outcome_is': {
    en: 'The decision is {{status}} ({{outcome}}): only an adopted decision approves spending',
    fr: 'La décision est {{status}} ({{outcome}}) : seule une décision adoptée peut approuver une dépense',
    es: 'La decisión está {{status}} ({{outcome}}): solo una decisión aprobada puede autorizar un gasto',
  },
  'ledger.no_rate_for_approval': {
    en: 'There is no exchange rate from {{from}} to {{to}} dated on or before {{on}}: enter one, so the approval rule can be applied',
    fr: 'Il n’y a aucun taux de change de {{from}} vers {{to}} daté du {{on}} ou d’avant : saisissez-en un pour que la règle d’approbation puisse s’appliquer',
    es: 'No hay ningún tipo de cambio de {{from}} a {{to}} con fecha {{on}} o anterior: introduzca uno para poder aplicar la regla de aprobación',
  },
  'ledger.no_rate_short': {
    en: 'No {{from}} to {{to}} rate on or before {{on}}',
    fr: 'Aucun taux de {{from}} vers {{to}} au {{on}} ou avant',
    es: 'No hay tipo de {{from}} a {{to}} el {{on}} o antes',
  },
  'ledger.spending_needs_decision': {
    en: 'Spending of {{limit}} or more needs the decision that approved it',
    fr: 'Une dépense de {{limit}} ou plus requiert la décision qui l’a approuvée',
    es: 'Un gasto de {{limit}} o más necesita la decisión que lo aprobó',
  },
  'ledger.spending_needs_decision_short': {
    en: 'At or above {{limit}}: name the passed decision that approved it',
    fr: 'À partir de {{limit}} : indiquez la décision adoptée qui l’a approuvée',
    es: 'A partir de {{limit}}: indique la decisión aprobada que lo autorizó',
  },

  // spending (service)
  'ledger.unknown_line': {
    en: '{{line}} is not a budget line of this partnership: add it to the budget first',
    fr: '{{line}} n’est pas une ligne budgétaire de ce partenariat : ajoutez-la d’abord au budget',
    es: '{{line}} no es una partida presupuestaria de esta alianza: añádala primero al presupuesto',
  },
  'ledger.holding.pool': { en: 'The pool', fr: 'La caisse commune', es: 'El fondo común' },
  'ledger.holding.in_kind_goods': { en: 'The in kind goods delivered in kind', fr: 'Les biens livrés en nature', es: 'Los bienes entregados en especie' },
  'ledger.holding.staff_time': { en: 'The staff time delivered in kind', fr: 'Le temps de personnel et l’expertise livrés en nature', es: 'El tiempo de personal y la experiencia entregados en especie' },
  'ledger.holding.data': { en: 'The data delivered in kind', fr: 'Les données livrées en nature', es: 'Los datos entregados en especie' },
  'ledger.holding.facilities': { en: 'The facilities delivered in kind', fr: 'Les locaux et équipements livrés en nature', es: 'Las instalaciones y equipos entregados en especie' },
  'ledger.holding.licences_ip': { en: 'The licences ip delivered in kind', fr: 'Les licences et la PI livrées en nature', es: 'Las licencias y la PI entregadas en especie' },
  'ledger.holding.other': { en: 'The other delivered in kind', fr: 'Les autres ressources livrées en nature', es: 'Los demás recursos entregados en especie' },
  'ledger.holding.in_kind': { en: 'The {{resource}} delivered in kind', fr: 'Les ressources « {{resource}} » livrées en nature', es: 'Los recursos «{{resource}}» entregados en especie' },
  'ledger.insufficient_funds': {
    en: '{{what}} holds {{available}}; this would take {{needed}}',
    fr: '{{what}} : {{available}} disponibles ; cette opération en prendrait {{needed}}',
    es: '{{what}}: {{available}} disponibles; esta operación tomaría {{needed}}',
  },
  'ledger.insufficient_funds_short': {
    en: '{{what}} holds {{available}}: at most that can be spent',
    fr: '{{what}} : {{available}} disponibles, c’est le maximum qui peut être dépensé',
    es: '{{what}}: {{available}} disponibles; es lo máximo que se puede gastar',
  },
  'ledger.pool_no_quantity': { en: 'Cash from the pool has no quantity', fr: 'Le numéraire de la caisse commune n’a pas de quantité', es: 'El efectivo del fondo común no tiene cantidad' },
  'ledger.describe_expense': { en: 'Describe the expense', fr: 'Décrivez la dépense', es: 'Describa el gasto' },
  'ledger.expense_invalid': { en: 'The expense has invalid fields', fr: 'La dépense contient des champs non valides', es: 'El gasto tiene campos no válidos' },
  'ledger.describe_disbursement': { en: 'Describe the disbursement', fr: 'Décrivez le versement', es: 'Describa el desembolso' },
  'ledger.name_recipient': { en: 'Name who is paid', fr: 'Indiquez le bénéficiaire du paiement', es: 'Indique a quién se paga' },
  'ledger.disbursement_invalid': { en: 'The disbursement has invalid fields', fr: 'Le versement contient des champs non valides', es: 'El desembolso tiene campos no válidos' },
  'ledger.exchange_same_currency': { en: 'An exchange is between two different currencies', fr: 'Un change se fait entre deux devises différentes', es: 'Un cambio se hace entre dos divisas distintas' },
  'ledger.describe_exchange': {
    en: 'Describe the exchange or leave the description out',
    fr: 'Décrivez le change ou omettez la description',
    es: 'Describa el cambio u omita la descripción',
  },
  'ledger.exchange_invalid': { en: 'The exchange has invalid fields', fr: 'Le change contient des champs non valides', es: 'El cambio tiene campos no válidos' },

  // reversals (service)
  'ledger.say_why_reversed': { en: 'Say why the transaction is reversed', fr: 'Indiquez pourquoi l’écriture est contre-passée', es: 'Indique por qué se revierte el asiento' },
  'ledger.reversal_not_reversed': {
    en: 'A reversal is not reversed: record the transaction again instead',
    fr: 'Une contre-passation ne se contre-passe pas : enregistrez plutôt l’écriture à nouveau',
    es: 'Una reversión no se revierte: registre de nuevo el asiento en su lugar',
  },
  'ledger.is_reversal': { en: 'This transaction is a reversal', fr: 'Cette écriture est une contre-passation', es: 'Este asiento es una reversión' },
  'ledger.hint.reverse_delivery': { en: 'reverse the delivery instead', fr: 'contre-passez plutôt la livraison', es: 'revierta la entrega en su lugar' },
  'ledger.hint.change_commitment': {
    en: 'cancel, withdraw or amend the commitment instead',
    fr: 'annulez, retirez ou modifiez plutôt l’engagement',
    es: 'cancele, retire o modifique el compromiso en su lugar',
  },
  'ledger.follows_commitment': {
    en: 'A {{type}} transaction follows its commitment: {{hint}}',
    fr: 'Une écriture de type « {{type}} » suit son engagement : {{hint}}',
    es: 'Un asiento de tipo «{{type}}» sigue a su compromiso: {{hint}}',
  },
  'ledger.already_reversed': { en: 'This transaction has been reversed already', fr: 'Cette écriture a déjà été contre-passée', es: 'Este asiento ya ha sido revertido' },
  'ledger.already_reversed_short': { en: 'Already reversed', fr: 'Déjà contre-passée', es: 'Ya revertido' },

  // exchange rates (service)
  'ledger.rates_invalid': { en: 'The exchange rates have invalid fields', fr: 'Les taux de change contiennent des champs non valides', es: 'Los tipos de cambio tienen campos no válidos' },
  'ledger.rate_already_set': {
    en: '{{from}} to {{to}} already has the rate {{rate}} on {{on}}',
    fr: '{{from}} vers {{to}} a déjà le taux {{rate}} au {{on}}',
    es: '{{from}} a {{to}} ya tiene el tipo {{rate}} el {{on}}',
  },
  'ledger.rate_already_set_short': { en: 'Already {{rate}} on {{on}}', fr: 'Déjà {{rate}} au {{on}}', es: 'Ya es {{rate}} el {{on}}' },

  // the budget (service)
  'ledger.line_in_use': {
    en: '{{line}} has spending in the ledger: keep it in the budget',
    fr: '{{line}} a des dépenses au grand livre : gardez-la dans le budget',
    es: '{{line}} tiene gastos en el libro mayor: manténgala en el presupuesto',
  },
  'ledger.budget_invalid': { en: 'The budget has invalid fields', fr: 'Le budget contient des champs non valides', es: 'El presupuesto tiene campos no válidos' },
} as const satisfies Catalog;
