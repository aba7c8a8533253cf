/**
 * The text of reminder e-mails, in the person's language (users.locale: en, fr, es; anything else reads
 * English). Plain text: the partnership, each item with its due date and state, and a link to the partnership.
 */
import { daysBetween } from '../../domain/kernel/dates';
import type { Digest, Stage } from './schedule';

/** One item of a reminder e-mail. */
export interface MailItem {
  partnershipId: string;
  partnershipName: string;
  kind: string;
  title: string;
  dueOn: string;
  stage: Stage;
}

type Lang = 'en' | 'fr' | 'es';

const T = {
  en: {
    colon: ': ',
    hello: (n: string) => `Hello ${n},`,
    stage: { due_soon: 'Due soon', overdue: 'Overdue', overdue_beyond_grace: 'Overdue beyond the grace period' } as Record<Stage, string>,
    kind: { delivery: 'delivery', report: 'report' } as Record<string, string>,
    due: (d: string) => `due ${d}`,
    when: (days: number) => (days > 1 ? `in ${days} days` : days === 1 ? 'tomorrow' : days === 0 ? 'today' : days === -1 ? '1 day late' : `${-days} days late`),
    oneSubject: (stage: string, title: string, p: string) => `[Accord] ${stage}: ${title} (${p})`,
    digestSubject: (n: number) => `[Accord] Your reminders: ${n} ${n === 1 ? 'item' : 'items'}`,
    oneIntro: 'This is a reminder from Accord about something your organisation owes:',
    digestIntro: (d: Digest) => `Here is your ${d === 'weekly' ? 'weekly' : 'daily'} summary of what your organisations owe in Accord:`,
    open: 'Open',
    settings: (url: string) => `You receive these reminders because you represent a partner (or convene the partnership). Choose how often: ${url}`,
  },
  fr: {
    colon: ' : ',
    hello: (n: string) => `Bonjour ${n},`,
    stage: { due_soon: 'Échéance proche', overdue: 'En retard', overdue_beyond_grace: 'En retard au-delà du délai de grâce' } as Record<Stage, string>,
    kind: { delivery: 'livraison', report: 'rapport' } as Record<string, string>,
    due: (d: string) => `échéance le ${d}`,
    when: (days: number) => (days > 1 ? `dans ${days} jours` : days === 1 ? 'demain' : days === 0 ? 'aujourd’hui' : days === -1 ? '1 jour de retard' : `${-days} jours de retard`),
    oneSubject: (stage: string, title: string, p: string) => `[Accord] ${stage} : ${title} (${p})`,
    digestSubject: (n: number) => `[Accord] Vos rappels : ${n} ${n === 1 ? 'élément' : 'éléments'}`,
    oneIntro: 'Voici un rappel d’Accord au sujet d’un engagement de votre organisation :',
    digestIntro: (d: Digest) => `Voici votre résumé ${d === 'weekly' ? 'hebdomadaire' : 'quotidien'} de ce que vos organisations doivent dans Accord :`,
    open: 'Ouvrir',
    settings: (url: string) => `Vous recevez ces rappels parce que vous représentez un partenaire (ou animez le partenariat). Choisissez leur fréquence : ${url}`,
  },
  es: {
    colon: ': ',
    hello: (n: string) => `Hola ${n}:`,
    stage: { due_soon: 'Vence pronto', overdue: 'Vencido', overdue_beyond_grace: 'Vencido más allá del período de gracia' } as Record<Stage, string>,
    kind: { delivery: 'entrega', report: 'informe' } as Record<string, string>,
    due: (d: string) => `vence el ${d}`,
    when: (days: number) => (days > 1 ? `en ${days} días` : days === 1 ? 'mañana' : days === 0 ? 'hoy' : days === -1 ? '1 día de retraso' : `${-days} días de retraso`),
    oneSubject: (stage: string, title: string, p: string) => `[Accord] ${stage}: ${title} (${p})`,
    digestSubject: (n: number) => `[Accord] Sus recordatorios: ${n} ${n === 1 ? 'elemento' : 'elementos'}`,
    oneIntro: 'Este es un recordatorio de Accord sobre algo que su organización debe:',
    digestIntro: (d: Digest) => `Este es su resumen ${d === 'weekly' ? 'semanal' : 'diario'} de lo que sus organizaciones deben en Accord:`,
    open: 'Abrir',
    settings: (url: string) => `Recibe estos recordatorios porque representa a un socio (o coordina la alianza). Elija con qué frecuencia: ${url}`,
  },
};

const langOf = (locale: string): Lang => (locale === 'fr' || locale === 'es' ? locale : 'en');
const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

function itemLines(t: (typeof T)[Lang], item: MailItem, today: string): string {
  return `  - [${t.stage[item.stage]}] ${item.title} (${t.kind[item.kind] ?? item.kind}), ${t.due(item.dueOn)}${t.colon}${t.when(daysBetween(today, item.dueOn))}`;
}

/** The items grouped by partnership (in order of first appearance), each group with its link. */
function body(t: (typeof T)[Lang], items: readonly MailItem[], today: string, publicUrl: string): string {
  const groups = new Map<string, MailItem[]>();
  for (const i of items) groups.set(i.partnershipId, [...(groups.get(i.partnershipId) ?? []), i]);
  return [...groups.values()]
    .map((g) => [g[0].partnershipName, ...g.map((i) => itemLines(t, i, today)), `  ${t.open}${t.colon}${base(publicUrl)}/partnerships/${g[0].partnershipId}`].join('\n'))
    .join('\n\n');
}

/** One reminder, sent on its own (the person chose "immediately"). */
export function reminderMail(to: { email: string; name: string; locale: string }, item: MailItem, today: string, publicUrl: string) {
  const t = T[langOf(to.locale)];
  return {
    to: to.email,
    subject: t.oneSubject(t.stage[item.stage], item.title, item.partnershipName),
    text: `${t.hello(to.name)}\n\n${t.oneIntro}\n\n${body(t, [item], today, publicUrl)}\n\n-- \n${t.settings(`${base(publicUrl)}/account`)}\n`,
  };
}

/** A daily or weekly digest: every reminder the person has waiting, by partnership. */
export function digestMail(to: { email: string; name: string; locale: string }, digest: Digest, items: readonly MailItem[], today: string, publicUrl: string) {
  const t = T[langOf(to.locale)];
  return {
    to: to.email,
    subject: t.digestSubject(items.length),
    text: `${t.hello(to.name)}\n\n${t.digestIntro(digest)}\n\n${body(t, items, today, publicUrl)}\n\n-- \n${t.settings(`${base(publicUrl)}/account`)}\n`,
  };
}
