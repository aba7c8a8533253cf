/**
 * The invitation e-mail of an account created without a password, in the new account's language (users.locale:
 * en, fr, es; anything else reads English): who invited the person, to which Accord (its public address), the
 * one-time link to choose a password, how long it works, and what to do once it has expired.
 */
type Lang = 'en' | 'fr' | 'es';

export interface InvitationMailInput {
  to: { email: string; name: string; locale: string };
  /** The name of the platform admin who created the account; null when nobody did (the command line). */
  inviter: string | null;
  /** The platform's public address, e.g. https://accord.example.org */
  publicUrl: string;
  /** The one-time link (the password page, the token in its fragment). */
  link: string;
  /** How many days the link works. */
  days: number;
}

const T = {
  en: {
    subject: (inviter: string | null) => (inviter ? `${inviter} invited you to Accord` : 'You are invited to Accord'),
    hello: (n: string) => `Hello ${n},`,
    invited: (inviter: string | null, url: string) =>
      `${inviter ? `${inviter} has created` : 'There is'} an account for you on Accord, the partnership platform at ${url}. It uses this e-mail address`,
    open: (days: number) => `To choose your password and sign in, open this link within ${days === 1 ? 'a day' : `${days} days`}:`,
    expired: 'Once the link has expired, ask for a new one on the sign-in page ("Forgot your password?") with this e-mail address.',
    ignore: 'If you do not know why you received this, you can ignore it: nobody can sign in to the account without choosing a password through this link.',
  },
  fr: {
    subject: (inviter: string | null) => (inviter ? `${inviter} vous invite sur Accord` : 'Invitation à rejoindre Accord'),
    hello: (n: string) => `Bonjour ${n},`,
    invited: (inviter: string | null, url: string) =>
      `${inviter ? `${inviter} vous a créé` : 'Vous avez'} un compte sur Accord, la plateforme de partenariats à l’adresse ${url}. Il utilise cette adresse e-mail`,
    open: (days: number) => `Pour choisir votre mot de passe et vous connecter, ouvrez ce lien ${days === 1 ? 'dans la journée' : `dans les ${days} jours`} :`,
    expired: 'Une fois le lien expiré, demandez-en un nouveau sur la page de connexion (« Mot de passe oublié ? ») avec cette adresse e-mail.',
    ignore: 'Si vous ne savez pas pourquoi vous recevez ce message, ignorez-le : personne ne peut se connecter à ce compte sans choisir un mot de passe par ce lien.',
  },
  es: {
    subject: (inviter: string | null) => (inviter ? `${inviter} le invita a Accord` : 'Le invitamos a Accord'),
    hello: (n: string) => `Hola ${n}:`,
    invited: (inviter: string | null, url: string) =>
      `${inviter ? `${inviter} le ha creado` : 'Tiene'} una cuenta en Accord, la plataforma de alianzas en ${url}. Usa esta dirección de correo electrónico`,
    open: (days: number) => `Para elegir su contraseña e iniciar sesión, abra este enlace ${days === 1 ? 'antes de un día' : `en los próximos ${days} días`}:`,
    expired: 'Si el enlace ha caducado, solicite uno nuevo en la página de inicio de sesión («¿Olvidó su contraseña?») con esta dirección de correo electrónico.',
    ignore: 'Si no sabe por qué recibe este mensaje, puede ignorarlo: nadie puede iniciar sesión en la cuenta sin elegir una contraseña mediante este enlace.',
  },
};

const langOf = (locale: string): Lang => (locale === 'fr' || locale === 'es' ? locale : 'en');

/** The subject and plain text of an invitation. */
export function invitationMail(i: InvitationMailInput): { to: string; subject: string; text: string } {
  const t = T[langOf(i.to.locale)];
  const url = i.publicUrl.replace(/\/+$/, '');
  return {
    to: i.to.email,
    subject: t.subject(i.inviter),
    text: [t.hello(i.to.name), `${t.invited(i.inviter, url)} (${i.to.email}).`, t.open(i.days), i.link, t.expired, t.ignore].join('\n\n') + '\n',
  };
}
