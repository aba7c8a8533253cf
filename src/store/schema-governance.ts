/** Table types of governance (migration 0003-governance): snake_case, text instants, 0/1 booleans, JSON as text. */
export interface ChartersTable {
  id: string;
  partnership_id: string;
  version: number;
  document: string;
  template_id: string | null;
  decision_id: string | null;
  note: string | null;
  adopted_by: string | null;
  adopted_at: string;
}
export interface DecisionsTable {
  id: string;
  partnership_id: string;
  number: number;
  kind: string;
  title: string;
  /** searchForm(title): what the decision list's search matches (migration 0011). */
  search_title: string;
  text: string;
  links: string;
  decision_type: string | null;
  charter_version: number | null;
  rule: string | null;
  body: string | null;
  ballot_kind: string | null;
  poll: string | null;
  amendment: string | null;
  start_stage: string | null;
  parent_id: string | null;
  anonymous: number;
  results_hidden: number;
  anon_key: string | null;
  status: string;
  proposer_id: string | null;
  proposer_seat: string | null;
  opens_at: string;
  closes_at: string;
  opened_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  outcome_kind: string | null;
  grade: string | null;
  outcome: string | null;
  outcome_statement: string | null;
  review_on: string | null;
  created_at: string;
  updated_at: string;
}
export interface DecisionRollTable {
  decision_id: string;
  seat_id: string;
  name: string | null;
  group_path: string | null;
  weight: string | null;
  voting: number;
  organisation_id: string | null;
  person_id: string | null;
  alternate_id: string | null;
  present: number;
  recused: number;
  recusal_reason: string | null;
}
export interface DecisionSecondsTable {
  decision_id: string;
  seat_id: string;
  user_id: string | null;
  at: string;
}
export interface DecisionProxiesTable {
  decision_id: string;
  seat_id: string;
  holder_id: string;
  granted_by: string | null;
  at: string;
}
export interface BallotsTable {
  decision_id: string;
  seat_key: string;
  group_path: string | null;
  weight: string | null;
  choice: string;
  reason: string | null;
  paramount: number;
  resolved: number;
  answer: string | null;
  cast_by: string | null;
  by_proxy: number;
  cast_at: string;
}
export interface BallotHistoryTable {
  id: string;
  decision_id: string;
  seat_id: string;
  choice: string;
  reason: string | null;
  answer: string | null;
  cast_by: string | null;
  by_proxy: number;
  at: string;
}
export interface DecisionParticipationTable {
  decision_id: string;
  seat_id: string;
  first_at: string;
}
export interface DecisionCommentsTable {
  id: string;
  decision_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}
export interface GovernanceTables {
  charters: ChartersTable;
  decisions: DecisionsTable;
  decision_roll: DecisionRollTable;
  decision_seconds: DecisionSecondsTable;
  decision_proxies: DecisionProxiesTable;
  ballots: BallotsTable;
  ballot_history: BallotHistoryTable;
  decision_participation: DecisionParticipationTable;
  decision_comments: DecisionCommentsTable;
}
