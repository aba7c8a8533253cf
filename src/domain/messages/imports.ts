import type { Catalog } from '../kernel/messages';

/** Messages of imports. Keys start with "imports.". */
export const imports = {
  // what was not found ("<what> was not found")
  'imports.the_import': { en: 'The import "{{kind}}"', fr: 'L’import « {{kind}} »', es: 'la importación «{{kind}}»' },
  'imports.the_list': { en: 'The list "{{name}}"', fr: 'La liste « {{name}} »', es: 'la lista «{{name}}»' },
  'imports.the_progress': { en: 'The progress of this import', fr: 'L’avancement de cet import', es: 'el avance de esta importación' },

  // a file refused: the summary, and each problem with its place
  'imports.rejected': {
    en: '{{what}}: {{problems}} in {{rows}}; nothing was written',
    fr: '{{what}} : {{problems}} dans {{rows}} ; rien n’a été enregistré',
    es: '{{what}}: {{problems}} en {{rows}}; no se guardó nada',
  },
  'imports.rejected_truncated': {
    en: '{{what}}: {{problems}} in {{rows}} (the first {{max}} are listed, {{more}}); nothing was written',
    fr: '{{what}} : {{problems}} dans {{rows}} (les {{max}} premiers sont listés, {{more}}) ; rien n’a été enregistré',
    es: '{{what}}: {{problems}} en {{rows}} (se listan los primeros {{max}}, {{more}}); no se guardó nada',
  },
  'imports.problems': {
    en: { one: '{{count}} problem', other: '{{count}} problems' },
    fr: { one: '{{count}} problème', many: '{{count}} problèmes', other: '{{count}} problèmes' },
    es: { one: '{{count}} problema', many: '{{count}} problemas', other: '{{count}} problemas' },
  },
  'imports.rows': {
    en: { one: '{{count}} row', other: '{{count}} rows' },
    fr: { one: '{{count}} ligne', many: '{{count}} lignes', other: '{{count}} lignes' },
    es: { one: '{{count}} fila', many: '{{count}} filas', other: '{{count}} filas' },
  },
  'imports.more_not_listed': {
    en: { one: '{{count}} more are not', other: '{{count}} more are not' },
    fr: { one: '{{count}} autre ne l’est pas', many: '{{count}} autres ne le sont pas', other: '{{count}} autres ne le sont pas' },
    es: { one: 'no se lista {{count}} más', many: 'no se listan {{count}} más', other: 'no se listan {{count}} más' },
  },
  'imports.header_mismatch': {
    en: 'The header line does not match the columns of this import',
    fr: 'La ligne d’en-tête ne correspond pas aux colonnes de cet import',
    es: 'La línea de encabezado no corresponde a las columnas de esta importación',
  },
  'imports.rows_with_problems': { en: 'The file has rows with problems', fr: 'Le fichier contient des lignes qui posent problème', es: 'El archivo tiene filas con problemas' },
  'imports.nothing_to_import': { en: 'Nothing to import', fr: 'Rien à importer', es: 'Nada que importar' },
  'imports.no_rows': { en: 'The file has a header but no rows', fr: 'Le fichier a un en-tête mais aucune ligne', es: 'El archivo tiene un encabezado pero ninguna fila' },
  'imports.at_line': { en: 'Line {{line}}: {{problem}}', fr: 'Ligne {{line}} : {{problem}}', es: 'Línea {{line}}: {{problem}}' },
  'imports.at_line_column': { en: 'Line {{line}}, {{column}}: {{problem}}', fr: 'Ligne {{line}}, {{column}} : {{problem}}', es: 'Línea {{line}}, {{column}}: {{problem}}' },
  /** A use case's refusal of a row, with the problem of a field that has no column of its own. */
  'imports.refusal_and_problem': { en: '{{refusal}}: {{problem}}', fr: '{{refusal}} : {{problem}}', es: '{{refusal}}: {{problem}}' },

  // the header
  'imports.unknown_column': {
    en: 'Unknown column "{{header}}"; the columns are: {{columns}}',
    fr: 'Colonne inconnue « {{header}} » ; les colonnes sont : {{columns}}',
    es: 'Columna desconocida «{{header}}»; las columnas son: {{columns}}',
  },
  'imports.duplicate_column': {
    en: 'Two columns mean {{column}}: "{{first}}" and "{{second}}"',
    fr: 'Deux colonnes désignent {{column}} : « {{first}} » et « {{second}} »',
    es: 'Dos columnas significan {{column}}: «{{first}}» y «{{second}}»',
  },
  'imports.missing_column': { en: 'The column {{column}} is missing', fr: 'La colonne {{column}} est absente', es: 'Falta la columna {{column}}' },
  'imports.unnamed_column': {
    en: 'A value in column {{position}}, which has no header',
    fr: 'Une valeur dans la colonne {{position}}, qui n’a pas d’en-tête',
    es: 'Un valor en la columna {{position}}, que no tiene encabezado',
  },
  'imports.too_many_values': {
    en: 'More values than the {{columns}} columns of the header',
    fr: 'Plus de valeurs que de colonnes dans l’en-tête ({{columns}})',
    es: 'Más valores que columnas en el encabezado ({{columns}})',
  },

  // reading the file
  'imports.not_utf8': {
    en: 'The file is not UTF-8 text: save it as "CSV UTF-8" (or send an XLSX workbook)',
    fr: 'Le fichier n’est pas du texte UTF-8 : enregistrez-le au format « CSV UTF-8 » (ou envoyez un classeur XLSX)',
    es: 'El archivo no es texto UTF-8: guárdelo como «CSV UTF-8» (o envíe un libro XLSX)',
  },
  'imports.nul_characters': {
    en: 'The file contains NUL characters: it is not a CSV text file',
    fr: 'Le fichier contient des caractères NUL : ce n’est pas un fichier texte CSV',
    es: 'El archivo contiene caracteres NUL: no es un archivo de texto CSV',
  },
  'imports.too_many_rows_file': {
    en: 'The file has more than {{max}} rows: split it into smaller files',
    fr: 'Le fichier a plus de {{max}} lignes : découpez-le en fichiers plus petits',
    es: 'El archivo tiene más de {{max}} filas: divídalo en archivos más pequeños',
  },
  'imports.too_many_rows_sheet': {
    en: 'The sheet has more than {{max}} rows: split it into smaller files',
    fr: 'La feuille a plus de {{max}} lignes : découpez-la en fichiers plus petits',
    es: 'La hoja tiene más de {{max}} filas: divídala en archivos más pequeños',
  },
  'imports.unterminated_quote': {
    en: 'A quoted field opened on line {{line}} is never closed',
    fr: 'Un champ entre guillemets ouvert à la ligne {{line}} n’est jamais fermé',
    es: 'Un campo entre comillas abierto en la línea {{line}} nunca se cierra',
  },
  'imports.misplaced_quote': {
    en: 'Line {{line}}: text after the closing quote of a field (a quote inside a field is written "")',
    fr: 'Ligne {{line}} : du texte après le guillemet fermant d’un champ (un guillemet dans un champ s’écrit "")',
    es: 'Línea {{line}}: hay texto después de las comillas de cierre de un campo (unas comillas dentro de un campo se escriben "")',
  },
  'imports.empty_file': {
    en: 'The file is empty: it needs a header line naming the columns, then one line per row',
    fr: 'Le fichier est vide : il lui faut une ligne d’en-tête nommant les colonnes, puis une ligne par enregistrement',
    es: 'El archivo está vacío: necesita una línea de encabezado que nombre las columnas y luego una línea por fila',
  },
  'imports.not_xlsx': {
    en: 'The file is not an XLSX workbook (it has no xl/workbook.xml): save it as "Excel Workbook (.xlsx)"',
    fr: 'Le fichier n’est pas un classeur XLSX (il n’a pas de xl/workbook.xml) : enregistrez-le au format « Classeur Excel (.xlsx) »',
    es: 'El archivo no es un libro XLSX (no tiene xl/workbook.xml): guárdelo como «Libro de Excel (.xlsx)»',
  },
  'imports.no_first_sheet': { en: 'The workbook has no readable first sheet', fr: 'Le classeur n’a pas de première feuille lisible', es: 'El libro no tiene una primera hoja legible' },
  'imports.empty_sheet': {
    en: 'The first sheet is empty: it needs a header row naming the columns, then one row per record',
    fr: 'La première feuille est vide : il lui faut une ligne d’en-tête nommant les colonnes, puis une ligne par enregistrement',
    es: 'La primera hoja está vacía: necesita una fila de encabezado que nombre las columnas y luego una fila por registro',
  },
  'imports.not_a_workbook': {
    en: 'The file is not a readable XLSX workbook ({{why}}); save it as "Excel Workbook (.xlsx)" or as CSV UTF-8',
    fr: 'Le fichier n’est pas un classeur XLSX lisible ({{why}}) ; enregistrez-le au format « Classeur Excel (.xlsx) » ou en CSV UTF-8',
    es: 'El archivo no es un libro XLSX legible ({{why}}); guárdelo como «Libro de Excel (.xlsx)» o como CSV UTF-8',
  },
  'imports.zip.not_zip': { en: 'it is not a zip archive', fr: 'ce n’est pas une archive zip', es: 'no es un archivo zip' },
  'imports.zip.no_directory': { en: 'no zip directory: is it truncated?', fr: 'aucun répertoire zip : est-il tronqué ?', es: 'no hay directorio zip: ¿está truncado?' },
  'imports.zip.zip64': { en: 'ZIP64 archives are not supported', fr: 'les archives ZIP64 ne sont pas prises en charge', es: 'no se admiten archivos ZIP64' },
  'imports.zip.too_many_parts': { en: 'more than {{max}} parts', fr: 'plus de {{max}} parties', es: 'más de {{max}} partes' },
  'imports.zip.damaged_directory': { en: 'a damaged zip directory', fr: 'un répertoire zip endommagé', es: 'un directorio zip dañado' },
  'imports.zip.password': { en: 'it is password-protected', fr: 'il est protégé par un mot de passe', es: 'está protegido con contraseña' },
  'imports.zip.damaged_part': { en: 'a damaged part {{name}}', fr: 'une partie endommagée, {{name}}', es: 'una parte dañada, {{name}}' },
  'imports.zip.truncated_part': { en: 'a truncated part {{name}}', fr: 'une partie tronquée, {{name}}', es: 'una parte truncada, {{name}}' },
  'imports.zip.compression': {
    en: 'compression method {{method}} is not supported',
    fr: 'la méthode de compression {{method}} n’est pas prise en charge',
    es: 'no se admite el método de compresión {{method}}',
  },
  'imports.too_large_unpacked': {
    en: 'The workbook unpacks to more than {{megabytes}} MB: split it into smaller files',
    fr: 'Une fois décompressé, le classeur dépasse {{megabytes}} Mo : découpez-le en fichiers plus petits',
    es: 'Una vez descomprimido, el libro ocupa más de {{megabytes}} MB: divídalo en archivos más pequeños',
  },

  // cells
  'imports.required': { en: '{{what}} is required', fr: '{{what}} est obligatoire', es: 'Falta {{what}}' },
  'imports.label.commitment': { en: 'The commitment', fr: 'L’engagement', es: 'el compromiso' },
  'imports.label.delivery_date': { en: 'The delivery date', fr: 'La date de livraison', es: 'la fecha de entrega' },
  'imports.label.indicator': { en: 'The indicator', fr: 'L’indicateur', es: 'el indicador' },
  'imports.label.period': { en: 'The period', fr: 'La période', es: 'el periodo' },
  'imports.label.partner': { en: 'The partner', fr: 'Le partenaire', es: 'el socio' },
  'imports.label.value': { en: 'The value', fr: 'La valeur', es: 'el valor' },
  'imports.label.organisation': { en: 'The organisation', fr: 'L’organisation', es: 'la organización' },
  'imports.label.kind': { en: 'The kind', fr: 'Le type', es: 'el tipo' },
  'imports.label.description': { en: 'A description', fr: 'Une description', es: 'una descripción' },
  'imports.label.valuation': { en: 'The valuation', fr: 'La valorisation', es: 'la valoración' },
  'imports.label.currency': { en: 'The currency', fr: 'La devise', es: 'la moneda' },
  'imports.label.due_date': { en: 'The due date', fr: 'La date d’échéance', es: 'la fecha de vencimiento' },
  'imports.organisation_ambiguous': {
    en: 'Several member organisations are called "{{name}}": use the organisation\'s id',
    fr: 'Plusieurs organisations membres s’appellent « {{name}} » : utilisez l’identifiant de l’organisation',
    es: 'Varias organizaciones miembro se llaman «{{name}}»: use el identificador de la organización',
  },
  'imports.organisation_unknown': {
    en: '"{{name}}" is not a member organisation of this partnership (give its name as listed in the members, or its id)',
    fr: '« {{name}} » n’est pas une organisation membre de ce partenariat (donnez son nom tel qu’il figure dans la liste des membres, ou son identifiant)',
    es: '«{{name}}» no es una organización miembro de esta alianza (indique su nombre tal como figura en la lista de miembros, o su identificador)',
  },
  'imports.duplicate_row': {
    en: 'The same {{what}} as line {{line}}: a row is imported once',
    fr: 'Même {{what}} qu’à la ligne {{line}} : une ligne n’est importée qu’une fois',
    es: 'Repite {{what}} de la línea {{line}}: cada fila se importa una sola vez',
  },
  'imports.same.delivery': {
    en: 'delivery (commitment, date, value, quantity, evidence and note)',
    fr: 'livraison (engagement, date, valeur, quantité, justificatifs et note)',
    es: 'la entrega (compromiso, fecha, valor, cantidad, justificantes y nota)',
  },
  'imports.same.indicator_value': {
    en: 'indicator, period and partner',
    fr: 'indicateur, période et partenaire',
    es: 'el indicador, el periodo y el socio',
  },
  'imports.same.pledge': {
    en: 'pledge (organisation, kind, description, valuation and dates)',
    fr: 'engagement (organisation, type, description, valorisation et dates)',
    es: 'el compromiso (organización, tipo, descripción, valoración y fechas)',
  },

  // deliveries
  'imports.no_open_commitment_number': {
    en: 'No open commitment #{{number}} in this partnership: give its number (12 or #12) or its id',
    fr: 'Aucun engagement ouvert #{{number}} dans ce partenariat : donnez son numéro (12 ou #12) ou son identifiant',
    es: 'No hay ningún compromiso abierto #{{number}} en esta alianza: indique su número (12 o #12) o su identificador',
  },
  'imports.no_open_commitment_text': {
    en: 'No open commitment "{{text}}" in this partnership: give its number (12 or #12) or its id',
    fr: 'Aucun engagement ouvert « {{text}} » dans ce partenariat : donnez son numéro (12 ou #12) ou son identifiant',
    es: 'No hay ningún compromiso abierto «{{text}}» en esta alianza: indique su número (12 o #12) o su identificador',
  },
  'imports.delivery_value_required': {
    en: 'State the value delivered (or, for a commitment with a quantity, the quantity)',
    fr: 'Indiquez la valeur livrée (ou, pour un engagement avec une quantité, la quantité)',
    es: 'Indique el valor entregado (o, para un compromiso con cantidad, la cantidad)',
  },

  // exchange rates
  'imports.rate_twice_in_file': {
    en: '{{from}} to {{to}} on {{on}} is {{rate}} on line {{line}}: one rate per pair and date',
    fr: '{{from}} vers {{to}} le {{on}} vaut {{rate}} à la ligne {{line}} : un seul taux par paire et par date',
    es: '{{from}} a {{to}} el {{on}} es {{rate}} en la línea {{line}}: un solo tipo por par y fecha',
  },
  'imports.rate_stored': {
    en: '{{from}} to {{to}} already has the rate {{rate}} on {{on}}; rates are never overwritten',
    fr: '{{from}} vers {{to}} a déjà le taux {{rate}} le {{on}} ; les taux ne sont jamais écrasés',
    es: '{{from}} a {{to}} ya tiene el tipo {{rate}} el {{on}}; los tipos nunca se sobrescriben',
  },

  // indicator values
  'imports.indicator_ambiguous': {
    en: 'Several indicators are called "{{title}}": use the indicator\'s id',
    fr: 'Plusieurs indicateurs s’appellent « {{title}} » : utilisez l’identifiant de l’indicateur',
    es: 'Varios indicadores se llaman «{{title}}»: use el identificador del indicador',
  },
  'imports.indicator_unknown': {
    en: '"{{title}}" is not an indicator of this partnership (give its title or its id)',
    fr: '« {{title}} » n’est pas un indicateur de ce partenariat (donnez son titre ou son identifiant)',
    es: '«{{title}}» no es un indicador de esta alianza (indique su título o su identificador)',
  },
  'imports.report_only_own_organisation': {
    en: 'You report only for the organisation you represent',
    fr: 'Vous ne rendez compte que pour l’organisation que vous représentez',
    es: 'Solo puede informar en nombre de la organización que usted representa',
  },
} as const satisfies Catalog;
