/** Table types of the results framework (migration 0007-results). */

/** A goal, outcome or output of a partnership's results tree. */
export interface ResultNodesTable {
  id: string;
  partnership_id: string;
  /** goal | outcome | output */
  level: string;
  parent_id: string | null;
  /** The partnership goal a goal node stands for, when linked. */
  goal_id: string | null;
  title: string;
  description: string | null;
  /** Exact weight among its siblings ("2", "0.25", "1/3"); null when the family is not weighted. */
  weight: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

/** An indicator measuring a result; schedule, dimensions and SDG links as columns or JSON text. */
export interface IndicatorsTable {
  id: string;
  partnership_id: string;
  node_id: string;
  weight: string | null;
  title: string;
  definition: string;
  unit: string;
  measure: string;
  direction: string;
  value_kind: string;
  aggregation: string | null;
  baseline_value: string | null;
  baseline_date: string | null;
  frequency: string;
  schedule_start: string;
  schedule_end: string;
  grace_days: number;
  fiscal_year_start_month: number;
  /** JSON: [{ key, label?, values }] */
  dimensions: string;
  /** JSON: ["3.b.1"] */
  sdg_indicators: string;
  /** The latest period with an approved value (moves forward only: approvals are final). */
  latest_period_key: string | null;
  /** JSON: the indicator's progress snapshot (see services/accountability/indicators.ts); null: not computed. */
  progress: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface IndicatorTargetsTable {
  indicator_id: string;
  partnership_id: string;
  period_key: string;
  value: string;
}

/** The member organisations that report an indicator's values. */
export interface IndicatorPartnersTable {
  indicator_id: string;
  partnership_id: string;
  organisation_id: string;
  position: number;
}

/** One partner's values for one indicator and period: draft -> submitted -> returned/approved. */
export interface IndicatorSubmissionsTable {
  id: string;
  partnership_id: string;
  indicator_id: string;
  period_key: string;
  partner_id: string;
  status: string;
  /** Exact decimal text (numeric measures) or text (qualitative); null in a draft without a value. */
  value: string | null;
  note: string | null;
  /** The day it was first submitted (reporting timeliness). */
  first_submitted_on: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A disaggregated value of a submission, keyed by the domain's `cellKey`. */
export interface IndicatorSubmissionCellsTable {
  submission_id: string;
  partnership_id: string;
  cell_key: string;
  /** JSON: { "sex": "female" } */
  cell: string;
  value: string;
}

/** The history of a submission: every save and every move, with the values at the time. */
export interface IndicatorSubmissionEventsTable {
  id: string;
  submission_id: string;
  partnership_id: string;
  /** create | update | submit | return | approve */
  action: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  /** JSON: { value, note, breakdown } after the event */
  snapshot: string | null;
  actor_id: string | null;
  at: string;
}

/** The approved values of one indicator and period, kept in the approving transaction for the dashboard. */
export interface IndicatorPeriodValuesTable {
  indicator_id: string;
  partnership_id: string;
  period_key: string;
  approved_count: number;
  /** JSON array of decimal text, one per approved submission. */
  approved_values: string;
  updated_at: string;
}

/** A commitment feeding a result (commitments live in the ledger's tables). */
export interface ResultContributionsTable {
  node_id: string;
  commitment_id: string;
  partnership_id: string;
  created_by: string | null;
  created_at: string;
}

export interface ResultsTables {
  result_nodes: ResultNodesTable;
  indicators: IndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  indicator_partners: IndicatorPartnersTable;
  indicator_submissions: IndicatorSubmissionsTable;
  indicator_submission_cells: IndicatorSubmissionCellsTable;
  indicator_submission_events: IndicatorSubmissionEventsTable;
  indicator_period_values: IndicatorPeriodValuesTable;
  result_contributions: ResultContributionsTable;
}
