/** Table types of the dispute register (migration 0004-disputes). */

/** A conflict between member organisations of a partnership, climbing the charter's escalation ladder. */
export interface DisputesTable {
  id: string;
  partnership_id: string;
  /** 1, 2, 3... per partnership, in the order disputes were raised. */
  number: number;
  subject: string;
  /** searchForm(subject): what the register's search matches (migration 0011). */
  search_subject: string;
  description: string | null;
  /** open | escalated | resolved | withdrawn */
  status: string;
  /** The ladder step the dispute is on (the last one it reached once closed). */
  current_step: string;
  /** The day the current step becomes overdue after; null when it has no time limit or the dispute is closed. */
  step_due_on: string | null;
  raised_by: string | null;
  /** The decision the dispute is about (no foreign key: decisions live in their own tables). */
  decision_id: string | null;
  opened_on: string;
  resolved_on: string | null;
  resolution: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** The member organisations in conflict (at least two per dispute). */
export interface DisputePartiesTable {
  dispute_id: string;
  organisation_id: string;
}

/** One rung of the ladder a dispute went through: when it started and ended, and how. */
export interface DisputeStepsTable {
  id: string;
  dispute_id: string;
  /** 0 for the first step, then 1, 2... */
  position: number;
  /** The ladder step's id (negotiation, steering_committee, ...). */
  step_id: string;
  name: string;
  /** The step's allowance in days when it started (null: no limit). */
  days: number | null;
  started_on: string;
  ended_on: string | null;
  result: string | null;
  /** Why the dispute was escalated to this step (null for the first). */
  reason: string | null;
}

export interface DisputeTables {
  disputes: DisputesTable;
  dispute_parties: DisputePartiesTable;
  dispute_steps: DisputeStepsTable;
}
