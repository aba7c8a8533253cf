/**
 * What a partnership dashboard and the scorecard need from the ledger, for the lead to combine with the
 * results framework: `financeSummary` reads ONLY the running balances (a handful of rows per account and
 * currency), the rates into the reporting currency and the settings, so its cost does not grow with the
 * ledger; `deliveryDueItems` turns the tranches of the open commitments into due items.
 */
import type { Tx } from '../../store/database';
import { balancesIn, pledgesIn } from '../../domain/accountability/ledger';
import { trancheProgress } from '../../domain/accountability/commitments';
import { trancheItems, type DueItem } from '../../domain/accountability/scorecard';
import * as repo from '../../store/repositories/commitments.repository';
import { commitmentOf, totalsFor } from './commitments';
import { pledgeFigures, presentBalanceRows, presentBalancesIn, presentPledgeReport, presentPledgesIn, reportingRates, settingsOf } from './ledger';

/**
 * Balances per account and currency, pledged versus delivered by partner and by kind, and both in the
 * reporting currency at the rates of `today` (with the rates used and the pairs missing).
 */
export async function financeSummary(db: Tx, partnershipId: string, today: string) {
  const [settings, figures] = await Promise.all([settingsOf(db, partnershipId), pledgeFigures(db, partnershipId)]);
  const rates = await reportingRates(db, partnershipId, settings.reportingCurrency);
  return {
    reportingCurrency: settings.reportingCurrency,
    on: today,
    balances: presentBalanceRows(figures.rows),
    pledges: presentPledgeReport(figures.report),
    reporting: {
      balances: presentBalancesIn(balancesIn(figures.rows, settings.reportingCurrency, rates, today)),
      pledges: presentPledgesIn(pledgesIn(figures.report, settings.reportingCurrency, rates, today)),
    },
  };
}

/**
 * The tranches of every commitment still open (not cancelled or withdrawn) as due items per partner
 * (`partner` is the pledging organisation's id; id `<commitmentId>#<index>`), done on the date the confirmed
 * deliveries completed them. Two queries whatever the number of commitments and deliveries: the commitments, and
 * their running totals (which keep the date each tranche was completed); no delivery is read.
 */
export async function deliveryDueItems(db: Tx, partnershipId: string): Promise<DueItem[]> {
  const rows = await repo.openCommitments(db, partnershipId);
  const totals = await totalsFor(db, rows);
  return rows.flatMap((r) => trancheItems(r.organisation_id, r.id, trancheProgress(commitmentOf(r), totals.get(r.id)!), `Pledge #${r.number}: ${r.description}`.slice(0, 200)));
}
