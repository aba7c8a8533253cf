import type { Catalog } from '../kernel/messages';

/** Messages of accounts (with the audit log and notification settings). Keys start with "accounts.". */
export const accounts = {
  'accounts.the_account': { en: 'The account', fr: 'Le compte', es: 'la cuenta' },
  'accounts.the_token': { en: 'The token', fr: 'Le jeton', es: 'el token' },
  'accounts.email_taken': { en: 'An account with {{email}} already exists', fr: 'Un compte avec l’adresse {{email}} existe déjà', es: 'Ya existe una cuenta con {{email}}' },
  'accounts.email_registered': { en: 'This e-mail address is already registered', fr: 'Cette adresse e-mail est déjà enregistrée', es: 'Esta dirección de correo electrónico ya está registrada' },
  'accounts.no_account_uses': { en: 'No account uses {{email}}', fr: 'Aucun compte n’utilise l’adresse {{email}}', es: 'Ninguna cuenta usa {{email}}' },
  'accounts.no_account_with_email': { en: 'No account with this e-mail address', fr: 'Aucun compte n’utilise cette adresse e-mail', es: 'Ninguna cuenta usa esta dirección de correo electrónico' },
  // the English is the same whatever the number (as it always was); French and Spanish follow it
  'accounts.too_many_sign_in_failures': {
    en: 'Too many failed sign-in attempts; try again in {{count}} minutes',
    fr: { one: 'Trop de tentatives de connexion échouées ; réessayez dans {{count}} minute', other: 'Trop de tentatives de connexion échouées ; réessayez dans {{count}} minutes' },
    es: { one: 'Demasiados intentos fallidos de inicio de sesión; vuelva a intentarlo dentro de {{count}} minuto', other: 'Demasiados intentos fallidos de inicio de sesión; vuelva a intentarlo dentro de {{count}} minutos' },
  },
  'accounts.wrong_credentials': { en: 'The e-mail address or the password is wrong', fr: 'L’adresse e-mail ou le mot de passe est incorrect', es: 'La dirección de correo electrónico o la contraseña no son correctas' },
  'accounts.wrong_credentials_short': { en: 'Wrong e-mail address or password', fr: 'Adresse e-mail ou mot de passe incorrect', es: 'Dirección de correo electrónico o contraseña incorrecta' },
  'accounts.reset_link_invalid': { en: 'This reset link is invalid or has expired; ask for a new one', fr: 'Ce lien de réinitialisation n’est pas valide ou a expiré ; demandez-en un nouveau', es: 'Este enlace de restablecimiento no es válido o ha caducado; solicite uno nuevo' },
  'accounts.reset_link_invalid_short': { en: 'Invalid or expired link', fr: 'Lien non valide ou expiré', es: 'Enlace no válido o caducado' },
  'accounts.reset_link_used': { en: 'This reset link has already been used', fr: 'Ce lien de réinitialisation a déjà été utilisé', es: 'Este enlace de restablecimiento ya se ha utilizado' },
  'accounts.only_admins_create_accounts': { en: 'Only platform admins create accounts', fr: 'Seuls les administrateurs de la plateforme créent des comptes', es: 'Solo los administradores de la plataforma crean cuentas' },
  'accounts.only_admins_change_accounts': { en: 'Only platform admins change other people’s accounts', fr: 'Seuls les administrateurs de la plateforme modifient les comptes des autres', es: 'Solo los administradores de la plataforma modifican las cuentas de otras personas' },
  'accounts.last_admin': {
    en: '{{name}} is the last platform admin: make someone else a platform admin first',
    fr: '{{name}} est le dernier administrateur de la plateforme : nommez d’abord quelqu’un d’autre administrateur de la plateforme',
    es: '{{name}} es el último administrador de la plataforma: nombre antes a otra persona administradora de la plataforma',
  },
  'accounts.last_admin_short': { en: 'The platform needs at least one platform admin', fr: 'La plateforme a besoin d’au moins un administrateur', es: 'La plataforma necesita al menos un administrador' },
  // audit log
  'accounts.audit_not_in_role': { en: 'Your role does not include the audit log', fr: 'Votre rôle ne donne pas accès au journal d’audit', es: 'Su rol no incluye el registro de auditoría' },
} as const satisfies Catalog;
