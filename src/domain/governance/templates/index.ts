/**
 * Charter templates shipped in the product (see docs/domain/templates.md). Each is a valid charter with example
 * seats; a live partnership maps the seats to its member organisations or people.
 */
import type { PartnershipModel } from '../../partnerships/partnership';
import type { Charter } from '../charter';
import { ALLIANCE_JOINT_COMMITTEE } from './alliance-joint-committee';
import { CONSTITUENCY_BOARD_DOUBLE_MAJORITY } from './constituency-board-double-majority';
import { EITI_MSG } from './eiti-msg';
import { GAVI_CONSTITUENCY_BOARD } from './gavi-constituency-board';
import { MSI_GENERAL_ASSEMBLY } from './msi-general-assembly';
import { PPP_STEERING_COMMITTEE } from './ppp-steering-committee';

export { ALLIANCE_JOINT_COMMITTEE, CONSTITUENCY_BOARD_DOUBLE_MAJORITY, EITI_MSG, GAVI_CONSTITUENCY_BOARD, MSI_GENERAL_ASSEMBLY, PPP_STEERING_COMMITTEE };

export interface CharterTemplate {
  readonly id: string;
  readonly name: string;
  /** One sentence for a picker. */
  readonly summary: string;
  /** The collaboration models the template suits. */
  readonly models: readonly PartnershipModel[];
  readonly charter: Charter;
}

export const TEMPLATES: readonly CharterTemplate[] = Object.freeze([
  {
    id: 'ppp-steering-committee',
    name: 'PPP steering committee',
    summary:
      "A steering committee of the public authority and the private partner (lenders observe): both parties agree on ordinary matters and budgets, reserved matters also need the public authority's consent, and disputes climb from negotiation to arbitration.",
    models: ['ppp'],
    charter: PPP_STEERING_COMMITTEE,
  },
  {
    id: 'alliance-joint-committee',
    name: 'Alliance joint committee',
    summary:
      'A joint committee with equal seats for the nonprofit and the corporate side that seeks consensus (stand-asides allowed) and falls back to a majority vote, recording which grade adopted the decision.',
    models: ['nonprofit_corporate'],
    charter: ALLIANCE_JOINT_COMMITTEE,
  },
  {
    id: 'msi-general-assembly',
    name: 'Multi-stakeholder general assembly (FSC style)',
    summary:
      "A chambered general assembly (environmental, social and economic chambers, each split North/South and organisational/individual) that seeks consensus, then needs a quorum and a majority in every chamber and two-thirds of the voting power cast; spreading a cell's share per member or per member present is a setting.",
    models: ['msi'],
    charter: MSI_GENERAL_ASSEMBLY,
  },
  {
    id: 'constituency-board-double-majority',
    name: 'Constituency board with a double majority (Global Fund style)',
    summary:
      'A board of 10 donor and 10 implementer seats that seeks consensus, then needs two-thirds of each group, counted of votes cast by default (of members present is a setting, as the base is unconfirmed).',
    models: ['msi', 'other'],
    charter: CONSTITUENCY_BOARD_DOUBLE_MAJORITY,
  },
  {
    id: 'eiti-msg',
    name: 'Multi-stakeholder group, three tiers (EITI style)',
    summary:
      'Government, industry and civil society decide by consensus, else by two-thirds with at least two yes votes in every constituency, else the matter goes to a working group and a simple majority decides at a recorded low grade.',
    models: ['msi'],
    charter: EITI_MSG,
  },
  {
    id: 'gavi-constituency-board',
    name: 'Constituency board (Gavi style)',
    summary:
      'A board of constituency seats, independent members and a non-voting ex officio CEO that decides by consensus, else by two-thirds of votes cast, with a quorum of a fixed number of voting members (whether non-voting seats count is a setting).',
    models: ['msi', 'other'],
    charter: GAVI_CONSTITUENCY_BOARD,
  },
] satisfies CharterTemplate[]);

/** The template with this id, or undefined. */
export function templateById(id: string): CharterTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
