/** Table types of the shared risk register (migration 0006-risks). */

/** A risk of a partnership's register. */
export interface RisksTable {
  id: string;
  partnership_id: string;
  /** 1, 2, 3... per partnership, in the order risks were registered. */
  number: number;
  /** An OCDS for PPPs riskCategory code. */
  category: string;
  title: string;
  description: string;
  /** 1-5 each. */
  likelihood: number;
  impact: number;
  /** likelihood x impact (1-25) and its band (low | medium | high | critical), derived and stored for sorting. */
  score: number;
  band: string;
  /** open | mitigating | accepted | occurred | closed */
  status: string;
  /** Derived from the shares: publicAuthority | privateParty | shared | unallocated. */
  allocation: string;
  /** The member organisation that owns (watches) the risk. */
  owner_organisation_id: string | null;
  /** The earliest review not yet held (derived from risk_reviews). */
  next_review_on: string | null;
  /** 1 when registered, +1 on every change (optimistic concurrency and the history). */
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One party's share of a risk; percents are exact decimal text summing to 100 per risk. */
export interface RiskSharesTable {
  risk_id: string;
  partnership_id: string;
  position: number;
  /** publicAuthority | privateParty */
  party: string;
  /** The member organisation bearing it (null: the side as a whole). */
  organisation_id: string | null;
  percent: string;
}

/** A mitigation action: open while done_on is null. */
export interface RiskActionsTable {
  id: string;
  risk_id: string;
  partnership_id: string;
  description: string;
  owner_organisation_id: string;
  owner_person_id: string | null;
  due_on: string;
  done_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A review of a risk: planned (done_on null) or held, with the ratings it settled on. */
export interface RiskReviewsTable {
  id: string;
  risk_id: string;
  partnership_id: string;
  due_on: string;
  done_on: string | null;
  note: string | null;
  likelihood: number | null;
  impact: number | null;
  reviewed_by: string | null;
  created_at: string;
}

/** A link from a risk to a decision or a commitment of the same partnership. */
export interface RiskLinksTable {
  risk_id: string;
  partnership_id: string;
  /** decision | commitment */
  kind: string;
  target_id: string;
  position: number;
}

/** One version of a risk: what changed, who changed it and when. */
export interface RiskChangesTable {
  id: string;
  risk_id: string;
  partnership_id: string;
  version: number;
  /** created | updated | transitioned | action_added | action_updated | reviewed */
  action: string;
  actor_id: string | null;
  at: string;
  /** JSON { field: [before, after] } */
  changes: string;
  reason: string | null;
}

export interface RiskTables {
  risks: RisksTable;
  risk_shares: RiskSharesTable;
  risk_actions: RiskActionsTable;
  risk_reviews: RiskReviewsTable;
  risk_links: RiskLinksTable;
  risk_changes: RiskChangesTable;
}
