/**
 * The import kinds and export lists Accord ships. A capability adds its import here (one line) or calls
 * `registerImporter` / `registerExport` from its own module before the routes are built.
 */
import { registerFoundationExports } from './lists';
import { registerImporter } from './registry';
import { exchangeRatesImporter } from './exchange-rates';
import { commitmentsImporter } from './commitments';
import { deliveriesImporter } from './deliveries';
import { indicatorValuesImporter } from './indicator-values';

let done = false;
/** Registers every shipped import kind and export list (once). */
export function registerBuiltins(): void {
  if (done) return;
  done = true;
  registerFoundationExports();
  registerImporter(exchangeRatesImporter);
  registerImporter(commitmentsImporter);
  registerImporter(deliveriesImporter);
  registerImporter(indicatorValuesImporter);
}
