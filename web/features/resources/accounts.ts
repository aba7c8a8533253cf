import type { TFunction } from 'i18next';

/**
 * An account of the ledger in words: "receivable:<org>:cash" -> "Receivable · BioSul · Cash",
 * "expense:cold-chain:fridges" -> "Expense · Cold chain › fridges". Unknown shapes stay as they are.
 */
export function accountLabel(account: string, t: TFunction, orgs: Map<string, string>, lines: Map<string, string> = new Map()): string {
  const [head, ...rest] = account.split(':');
  const kind = (k: string | undefined) => (k ? t(`resources.kind.${k}`, { defaultValue: k }) : '');
  const line = (l: string | undefined, a: string | undefined) => [l ? (lines.get(l) ?? l) : '', a ? (lines.get(`${l}:${a}`) ?? a) : ''].filter(Boolean).join(' › ');
  switch (head) {
    case 'pool':
      return t('resources.account.pool');
    case 'exchange':
      return t('resources.account.exchange');
    case 'receivable':
    case 'pledged':
      return `${t(`resources.account.${head}`)} · ${orgs.get(rest[0]) ?? rest[0]} · ${kind(rest[1])}`;
    case 'in_kind':
      return `${t('resources.account.in_kind')} · ${kind(rest[0])}`;
    case 'expense':
    case 'disbursement':
      return `${t(`resources.account.${head}`)} · ${line(rest[0], rest[1])}`;
    default:
      return account;
  }
}

/** The group an account belongs to, for grouping balances. */
export const accountGroup = (account: string) => account.split(':')[0];

/** What the pool holds in a currency, from the balances (minor units as text; "0" when it holds none). */
export function poolHolds(balances: { rows: { account: string; currency: string; net: { minor: string } }[] } | undefined, currency: string): string {
  return balances?.rows.find((r) => r.account === 'pool' && r.currency === currency)?.net.minor ?? '0';
}
