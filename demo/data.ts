/**
 * The demo dataset as data: four fictional partnerships, one per collaboration model, with their
 * organisations, people and dated histories. `load.ts` replays these events through the services in
 * order, so every change is validated and audited like a real one.
 *
 * Every organisation, person and identifier here is invented. Organisations sit in real countries
 * (the country field is an ISO code) but none of them is a real body; websites end in `.example`.
 *
 * Each block is one chronological story; dates inside a block only move forward, and blocks are
 * ordered by the date of their first event, so the platform's audit chain also moves forward.
 */
import type { OrganisationDraft, OrganisationRole } from '../src/domain/organisations/organisation';
import type { MemberRole, PartnershipModel, PersonRole, Stage, Visibility } from '../src/domain/partnerships/partnership';
import type { Sector } from '../src/domain/organisations/organisation';

export const DOMAIN = '@demo.accord.test';

export interface GoalSeed { title: string; description: string; sdgs: string[] }

/** One dated step of the demo. `on` is a date (YYYY-MM-DD); `by` is the e-mail of the acting person. */
export type DemoEvent =
  | { on: string; kind: 'user'; email: string; name: string; isAdmin?: boolean; locale?: 'en' | 'fr' | 'es' }
  | { on: string; kind: 'org'; by: string; key: string; org: OrganisationDraft }
  | { on: string; kind: 'orgPerson'; by: string; org: string; email: string; role: OrganisationRole }
  | {
      on: string; kind: 'partnership'; by: string; key: string; convener: string;
      input: { name: string; purpose: string; model: PartnershipModel; visibility: Visibility; startDate: string | null; endDate: string | null; countries: string[]; sectors: Sector[]; goals: GoalSeed[] };
    }
  | { on: string; kind: 'member'; by: string; p: string; org: string; role: MemberRole; joinedOn?: string }
  | { on: string; kind: 'memberUpdate'; by: string; p: string; org: string; role?: MemberRole; leftOn?: string | null }
  | { on: string; kind: 'person'; by: string; p: string; email: string; role: PersonRole; org?: string }
  | { on: string; kind: 'goal'; by: string; p: string; goal: GoalSeed }
  | { on: string; kind: 'stage'; by: string; p: string; to: Stage; reason: string };

const e = (local: string) => `${local}${DOMAIN}`;

export const ADMIN = e('admin');
export const REGISTRY = e('directory.desk');

// People -----------------------------------------------------------------------------------------
export const AMINA = e('amina.convener');
export const HENRIK = e('henrik.olsen');
export const LUCAS = e('lucas.rep');
export const INGRID = e('ingrid.bauer');
export const RAHUL = e('rahul.mehta');
export const GRACE = e('grace.mwangi');
export const FATIMA = e('fatima.rahman');
export const SOFIA = e('sofia.member');
export const OLIVER = e('oliver.observer');
export const ELEANOR = e('eleanor.hughes');
export const DAVID = e('david.ashworth');

export const ELENA = e('elena.vasquez');
export const BJORN = e('bjorn.lindqvist');
export const ANA = e('ana.quispe');
export const MARK = e('mark.thompson');
export const TOMAS = e('tomas.herrera');
export const KWAME = e('kwame.asante');
export const MARIE = e('marie.tremblay');
export const MIKKO = e('mikko.virtanen');
export const CAMILA = e('camila.rojas');

export const KENJI = e('kenji.water');
export const THANDI = e('thandiwe.nkosi');
export const PIERRE = e('pierre.laurent');
export const ADWOA = e('adwoa.mensah');
export const SIPHO = e('sipho.dlamini');
export const JOHAN = e('johan.vanwyk');

export const CLAIRE = e('claire.whitfield');
export const MAARTEN = e('maarten.devries');
export const LENA = e('lena.schmidt');
export const YUKI = e('yuki.tanaka');
export const CARLOS = e('carlos.restrepo');

export const NORA = e('nora.newcomer');

export const SIGN_INS = { ADMIN, AMINA, LUCAS, SOFIA, OLIVER, KENJI, ELENA, NORA, CLAIRE };

// Platform ---------------------------------------------------------------------------------------
const platform: DemoEvent[] = [
  { on: '2015-09-01', kind: 'user', email: ADMIN, name: 'Morgan Ellis', isAdmin: true },
  { on: '2015-09-01', kind: 'user', email: REGISTRY, name: 'Accord Directory Desk' },
];

// 1. Multi-stakeholder initiative: forest standards in the style of FSC ---------------------------
const F = 'forest';
const forest: DemoEvent[] = [
  { on: '2015-10-05', kind: 'user', email: ELENA, name: 'Elena Vásquez', locale: 'es' },
  { on: '2015-10-05', kind: 'user', email: BJORN, name: 'Björn Lindqvist' },
  { on: '2015-10-05', kind: 'user', email: ANA, name: 'Ana Quispe', locale: 'es' },
  { on: '2015-10-05', kind: 'user', email: MARK, name: 'Mark Thompson' },
  { on: '2015-10-05', kind: 'user', email: TOMAS, name: 'Tomás Herrera' },
  { on: '2015-10-05', kind: 'user', email: KWAME, name: 'Kwame Asante' },
  { on: '2015-10-05', kind: 'user', email: MARIE, name: 'Marie Tremblay', locale: 'fr' },
  { on: '2015-10-05', kind: 'user', email: MIKKO, name: 'Mikko Virtanen' },
  { on: '2015-10-05', kind: 'user', email: CAMILA, name: 'Camila Rojas', locale: 'es' },
  {
    on: '2015-10-06', kind: 'org', by: ELENA, key: 'lfsc',
    org: {
      name: 'Living Forests Standards Council', sector: 'nonprofit', iatiType: '21', country: 'DE', iatiIdentifier: 'DE-CR-VR9901',
      website: 'https://living-forests.example',
      description: 'An international membership association that sets voluntary standards for responsible forest management and chain of custody. Its general assembly balances environmental, social and economic chambers, each split between North and South.',
      offers: ['standard setting', 'certification scheme', 'stakeholder consultation', 'convening'], seeks: ['southern members', 'funding', 'market uptake'],
    },
  },
  {
    on: '2015-10-07', kind: 'org', by: BJORN, key: 'nwt',
    org: {
      name: 'Nordic Woodland Trust', sector: 'nonprofit', iatiType: '22', country: 'SE', iatiIdentifier: 'SE-ON-8024990001',
      website: 'https://nordic-woodland-trust.example',
      description: 'A Swedish conservation charity that protects old-growth boreal forest and its biodiversity. It monitors logging practices and campaigns for stronger forest certification.',
      offers: ['biodiversity monitoring', 'advocacy', 'field staff'], seeks: ['satellite data', 'local partners'],
    },
  },
  {
    on: '2015-10-07', kind: 'org', by: TOMAS, key: 'amazonia',
    org: {
      name: 'Instituto Amazônia Viva', sector: 'nonprofit', iatiType: '22', country: 'BR', iatiIdentifier: 'BR-CNPJ-11222333000181',
      website: 'https://amazonia-viva.example',
      description: 'A Brazilian environmental institute working with forest communities on sustainable land use in the Amazon basin. It trains community monitors and publishes deforestation alerts.',
      offers: ['deforestation alerts', 'community training', 'data'], seeks: ['co-funding', 'market access for community products'],
    },
  },
  {
    on: '2015-10-08', kind: 'org', by: ANA, key: 'ifpn',
    org: {
      name: 'Indigenous Forest Peoples Network', sector: 'community', iatiType: '23', country: 'PE',
      website: 'https://forest-peoples-network.example',
      description: 'A regional network of Indigenous organisations from the Andes and the Amazon defending territorial rights. It represents its members in standard-setting bodies and grievance processes.',
      offers: ['traditional knowledge', 'community consent processes', 'local partners'], seeks: ['legal support', 'funding', 'translation'],
    },
  },
  {
    on: '2015-10-08', kind: 'org', by: MARK, key: 'homecraft',
    org: {
      name: 'HomeCraft Retail plc', sector: 'private', iatiType: '70', country: 'GB', iatiIdentifier: 'GB-COH-09990002',
      website: 'https://homecraft-retail.example',
      description: 'A British home-improvement retailer with 300 stores that sells timber, paper and furniture. It has committed to sourcing only certified or recycled wood by 2027.',
      offers: ['market demand', 'supply-chain data', 'funding'], seeks: ['certified suppliers', 'traceability tools'],
    },
  },
  {
    on: '2015-10-09', kind: 'org', by: REGISTRY, key: 'ffww',
    org: {
      name: 'Federation of Forest and Wood Workers', sector: 'community', iatiType: '90', country: 'CA',
      website: 'https://forest-workers.example',
      description: 'A federation of trade unions representing logging, sawmill and pulp workers in North America. It negotiates health and safety standards and campaigns for decent work in certified operations.',
      offers: ['worker representation', 'health and safety training'], seeks: ['labour audits', 'international solidarity'],
    },
  },
  {
    on: '2015-10-09', kind: 'org', by: REGISTRY, key: 'hcfua',
    org: {
      name: 'Himalayan Community Forest Users Alliance', sector: 'community', iatiType: '22', country: 'NP',
      website: 'https://community-forest-users.example',
      description: 'An alliance of community forest user groups managing forests in the hills of Nepal. It helps small groups get certified and sell timber and non-timber products at fair prices.',
      offers: ['community forest management', 'local partners', 'field staff'], seeks: ['group certification', 'buyers', 'co-funding'],
    },
  },
  {
    on: '2015-10-09', kind: 'org', by: REGISTRY, key: 'boreal',
    org: {
      name: 'Boreal Timber Oy', sector: 'private', iatiType: '70', country: 'FI', iatiIdentifier: 'FI-PRO-9990001-1',
      website: 'https://boreal-timber.example',
      description: 'A Finnish forestry and sawmilling company managing 400,000 hectares of boreal forest. It supplies certified sawn timber to builders across Europe.',
      offers: ['certified timber', 'forest inventory data'], seeks: ['biodiversity expertise'],
    },
  },
  {
    on: '2015-10-09', kind: 'org', by: REGISTRY, key: 'borneo',
    org: {
      name: 'Borneo Hardwoods Sdn Bhd', sector: 'private', iatiType: '72', country: 'MY', iatiIdentifier: 'MY-SSM-199901012345',
      website: 'https://borneo-hardwoods.example',
      description: 'A Malaysian tropical hardwood concessionaire and plywood maker. It held certified concessions in Sarawak until a dispute over high-conservation-value areas.',
      offers: ['tropical hardwood'], seeks: ['export markets'],
    },
  },
  {
    on: '2015-10-09', kind: 'org', by: REGISTRY, key: 'andean',
    org: {
      name: 'Plantaciones Andinas S.A.', sector: 'private', iatiType: '70', country: 'CL', iatiIdentifier: 'CL-RUT-99888777-6',
      website: 'https://plantaciones-andinas.example',
      description: 'A Chilean plantation company growing pine and eucalyptus for pulp and sawn wood. It is restoring native forest buffers along rivers on its land.',
      offers: ['restoration sites', 'certified pulp'], seeks: ['community dialogue', 'restoration expertise'],
    },
  },
  // the Directory Desk registered these three organisations; each names the person who speaks for it
  { on: '2015-10-09', kind: 'orgPerson', by: REGISTRY, org: 'ffww', email: MARIE, role: 'member' },
  { on: '2015-10-09', kind: 'orgPerson', by: REGISTRY, org: 'boreal', email: MIKKO, role: 'member' },
  { on: '2015-10-09', kind: 'orgPerson', by: REGISTRY, org: 'andean', email: CAMILA, role: 'member' },
  {
    on: '2015-11-10', kind: 'partnership', by: ELENA, key: F, convener: 'lfsc',
    input: {
      name: 'Living Forests Standards Council', model: 'msi', visibility: 'public',
      purpose: 'Environmental groups, forest communities, workers, timber companies and retailers from the global North and South set and keep one credible standard for responsible forest management, and hold each other to it. Decisions are taken by a general assembly of three chambers, each with equal voting power.',
      startDate: '2016-01-20', endDate: null,
      countries: ['DE', 'SE', 'BR', 'PE', 'GB', 'CA', 'NP', 'FI', 'MY', 'CL'],
      sectors: ['nonprofit', 'community', 'private'],
      goals: [
        { title: 'Halt deforestation in certified forests', description: 'No conversion of natural forest in certified management units; high-conservation-value areas mapped and protected.', sdgs: ['15.2', '15.1'] },
        { title: 'Make certification the norm in timber and paper supply chains', description: 'Companies source certified or recycled wood and report publicly on their progress.', sdgs: ['12.6'] },
        { title: 'Decent and safe work in certified operations', description: 'Workers in certified forests and mills have safe conditions, freedom of association and fair pay.', sdgs: ['8.8'] },
      ],
    },
  },
  { on: '2016-01-20', kind: 'stage', by: ELENA, p: F, to: 'building', reason: 'Founding general assembly in Bonn adopted the statutes: three chambers (environmental, social, economic) with equal votes, each split North and South. Membership opens.' },
  { on: '2016-01-20', kind: 'member', by: ELENA, p: F, org: 'nwt', role: 'partner' },
  { on: '2016-01-20', kind: 'member', by: ELENA, p: F, org: 'amazonia', role: 'partner' },
  { on: '2016-01-20', kind: 'member', by: ELENA, p: F, org: 'ifpn', role: 'partner' },
  { on: '2016-01-20', kind: 'member', by: ELENA, p: F, org: 'ffww', role: 'partner' },
  { on: '2016-01-20', kind: 'member', by: ELENA, p: F, org: 'homecraft', role: 'partner' },
  { on: '2016-01-20', kind: 'member', by: ELENA, p: F, org: 'boreal', role: 'partner' },
  { on: '2016-01-21', kind: 'person', by: ELENA, p: F, email: BJORN, role: 'representative', org: 'nwt' },
  { on: '2016-01-21', kind: 'person', by: ELENA, p: F, email: ANA, role: 'representative', org: 'ifpn' },
  { on: '2016-01-21', kind: 'person', by: ELENA, p: F, email: MARK, role: 'representative', org: 'homecraft' },
  { on: '2016-01-21', kind: 'person', by: ELENA, p: F, email: MARIE, role: 'representative', org: 'ffww' },
  { on: '2016-01-21', kind: 'person', by: ELENA, p: F, email: MIKKO, role: 'representative', org: 'boreal' },
  { on: '2016-01-22', kind: 'person', by: ELENA, p: F, email: TOMAS, role: 'member', org: 'amazonia' },
  { on: '2016-09-01', kind: 'stage', by: ELENA, p: F, to: 'implementing', reason: 'The first international forest management standard was approved with a majority in all three chambers; accredited certification bodies can now issue certificates.' },
  { on: '2017-05-02', kind: 'member', by: ELENA, p: F, org: 'borneo', role: 'partner', joinedOn: '2017-05-02' },
  { on: '2018-03-12', kind: 'member', by: ELENA, p: F, org: 'andean', role: 'partner', joinedOn: '2018-03-12' },
  { on: '2018-03-13', kind: 'person', by: ELENA, p: F, email: CAMILA, role: 'representative', org: 'andean' },
  { on: '2019-06-04', kind: 'member', by: ELENA, p: F, org: 'hcfua', role: 'observer', joinedOn: '2019-06-04' },
  { on: '2020-06-18', kind: 'memberUpdate', by: ELENA, p: F, org: 'hcfua', role: 'partner' },
  { on: '2020-09-07', kind: 'person', by: ELENA, p: F, email: KWAME, role: 'observer' },
  { on: '2021-03-15', kind: 'stage', by: ELENA, p: F, to: 'reviewing', reason: 'Five-year review of the standard opened, as the statutes require: two rounds of public consultation on the indicators for high-conservation-value forests and Indigenous rights.' },
  { on: '2022-06-30', kind: 'stage', by: ELENA, p: F, to: 'sustaining', reason: 'The general assembly adopted the revised standard. Certification fees now cover the secretariat, so the council moves from project funding to steady operation.' },
  { on: '2022-06-30', kind: 'goal', by: ELENA, p: F, goal: { title: 'Secure the rights of Indigenous Peoples and forest communities', description: 'Free, prior and informed consent applied in every certified unit that overlaps customary lands; a working grievance mechanism.', sdgs: ['1.4', '16.7'] } },
  { on: '2025-02-28', kind: 'memberUpdate', by: ELENA, p: F, org: 'borneo', leftOn: '2025-02-28' },
  { on: '2025-04-01', kind: 'stage', by: ELENA, p: F, to: 'reviewing', reason: 'Periodic review of the chain-of-custody rules to align them with new deforestation-free import regulations, after a dispute ended one concessionaire’s membership.' },
  { on: '2025-11-20', kind: 'stage', by: ELENA, p: F, to: 'sustaining', reason: 'Review concluded: the amended chain-of-custody rules were adopted with a two-thirds majority; the balance of the chambers is unchanged.' },
];

// 2. A global vaccine alliance in the style of Gavi ------------------------------------------------
const V = 'vaccines';
const vaccines: DemoEvent[] = [
  { on: '2019-01-14', kind: 'user', email: AMINA, name: 'Amina Diallo', locale: 'fr' },
  { on: '2019-01-14', kind: 'user', email: HENRIK, name: 'Henrik Olsen' },
  { on: '2019-01-14', kind: 'user', email: LUCAS, name: 'Lucas Ferreira' },
  { on: '2019-01-14', kind: 'user', email: INGRID, name: 'Ingrid Bauer' },
  { on: '2019-01-14', kind: 'user', email: RAHUL, name: 'Rahul Mehta' },
  { on: '2019-01-14', kind: 'user', email: GRACE, name: 'Grace Mwangi' },
  { on: '2019-01-14', kind: 'user', email: FATIMA, name: 'Fatima Rahman' },
  { on: '2019-01-14', kind: 'user', email: SOFIA, name: 'Sofia Marques' },
  { on: '2019-01-14', kind: 'user', email: OLIVER, name: 'Oliver Grant' },
  { on: '2019-01-14', kind: 'user', email: ELEANOR, name: 'Eleanor Hughes' },
  { on: '2019-01-14', kind: 'user', email: DAVID, name: 'David Ashworth' },
  {
    on: '2019-01-15', kind: 'org', by: AMINA, key: 'hva',
    org: {
      name: 'Horizon Vaccine Alliance Secretariat', sector: 'nonprofit', iatiType: '30', country: 'CH', iatiIdentifier: 'CH-FDJP-CHE-199.990.001',
      website: 'https://horizon-vaccines.example',
      description: 'The Geneva secretariat of a public-private alliance that pools donor funding to buy vaccines for lower-income countries. It runs the board, country programmes and market-shaping work.',
      offers: ['pooled procurement', 'convening', 'programme management', 'data'], seeks: ['co-funding', 'local partners', 'independent evaluation'],
    },
  },
  { on: '2019-01-15', kind: 'orgPerson', by: AMINA, org: 'hva', email: HENRIK, role: 'member' },
  {
    on: '2019-01-16', kind: 'org', by: INGRID, key: 'fogh',
    org: {
      name: 'Federal Office for Global Health Cooperation', sector: 'public', iatiType: '10', country: 'DE', iatiIdentifier: 'XM-DAC-5-990',
      website: 'https://global-health-office.example',
      description: 'A government agency that channels official development assistance for health. It is one of the alliance’s largest donors and sits in the donor-government constituency.',
      offers: ['funding', 'policy dialogue'], seeks: ['results data', 'co-funding'],
    },
  },
  {
    on: '2019-01-16', kind: 'org', by: REGISTRY, key: 'dohp',
    org: {
      name: 'Department for Overseas Health Partnerships', sector: 'public', iatiType: '10', country: 'GB', iatiIdentifier: 'GB-GOV-990',
      website: 'https://overseas-health.example',
      description: 'A government department that funds global health programmes and multilateral health partnerships. It pledges multi-year grants and funds innovative finance for immunisation.',
      offers: ['funding', 'innovative finance'], seeks: ['value-for-money evidence'],
    },
  },
  {
    on: '2019-01-16', kind: 'org', by: RAHUL, key: 'calloway',
    org: {
      name: 'Calloway Foundation for Global Health', sector: 'philanthropic', iatiType: '60', country: 'US', iatiIdentifier: 'US-EIN-98-7654321',
      website: 'https://calloway-foundation.example',
      description: 'A private philanthropic foundation that funds vaccine development and delivery. It provides catalytic grants and guarantees to bring new vaccines to market faster.',
      offers: ['funding', 'guarantees', 'market analytics'], seeks: ['co-funding', 'manufacturing partners'],
    },
  },
  {
    on: '2019-01-17', kind: 'org', by: REGISTRY, key: 'aldermoor',
    org: {
      name: 'Aldermoor Biologics plc', sector: 'private', iatiType: '71', country: 'GB', iatiIdentifier: 'GB-COH-09990001',
      website: 'https://aldermoor-biologics.example',
      description: 'A research-based vaccine manufacturer headquartered in an industrialised country. It supplies pneumococcal and rotavirus vaccines to the alliance at tiered prices.',
      offers: ['vaccine supply', 'technology transfer', 'regulatory expertise'], seeks: ['demand forecasts', 'advance commitments'],
    },
  },
  { on: '2019-01-17', kind: 'orgPerson', by: REGISTRY, org: 'dohp', email: ELEANOR, role: 'member' },
  { on: '2019-01-17', kind: 'orgPerson', by: REGISTRY, org: 'aldermoor', email: DAVID, role: 'member' },
  {
    on: '2019-01-17', kind: 'org', by: LUCAS, key: 'biosul',
    org: {
      name: 'BioSul Vacinas S.A.', sector: 'private', iatiType: '72', country: 'BR', iatiIdentifier: 'BR-CNPJ-12345678000190',
      website: 'https://biosul-vacinas.example',
      description: 'A vaccine manufacturer from a developing country producing measles-rubella and yellow fever vaccines. It is scaling up a new filling line to supply lower-income countries.',
      offers: ['vaccine supply', 'manufacturing capacity', 'cold chain logistics'], seeks: ['technology transfer', 'prequalification support', 'advance commitments'],
    },
  },
  {
    on: '2019-01-17', kind: 'org', by: REGISTRY, key: 'unvsa',
    org: {
      name: 'United Nations Vaccine Supply Agency', sector: 'multilateral', iatiType: '40', country: 'DK', iatiIdentifier: 'XM-DAC-41-990',
      website: 'https://un-vaccine-supply.example',
      description: 'A UN agency that procures and ships vaccines and cold-chain equipment for national immunisation programmes. It is the alliance’s main procurement agent.',
      offers: ['procurement', 'cold chain logistics', 'field staff'], seeks: ['demand forecasts', 'funding'],
    },
  },
  {
    on: '2019-01-17', kind: 'org', by: REGISTRY, key: 'ihso',
    org: {
      name: 'International Health Standards Organization', sector: 'multilateral', iatiType: '40', country: 'CH', iatiIdentifier: 'XM-DAC-41-991',
      website: 'https://health-standards.example',
      description: 'An intergovernmental health agency that sets norms and prequalifies vaccines for quality and safety. It advises countries on immunisation schedules and surveillance.',
      offers: ['technical guidance', 'vaccine prequalification', 'surveillance data'], seeks: ['funding'],
    },
  },
  {
    on: '2019-01-18', kind: 'org', by: FATIMA, key: 'mohbd',
    org: {
      name: 'Ministry of Health – Expanded Programme on Immunisation', sector: 'public', iatiType: '10', country: 'BD',
      website: 'https://epi-health-ministry.example',
      description: 'The national immunisation programme of a lower-middle-income country, reaching four million newborns a year. It co-finances its vaccines and runs outreach to urban slums and river islands.',
      offers: ['national delivery system', 'coverage data', 'health workers'], seeks: ['vaccine co-financing', 'cold chain equipment'],
    },
  },
  {
    on: '2019-01-18', kind: 'org', by: GRACE, key: 'iecc',
    org: {
      name: 'Immunise Every Child Coalition', sector: 'nonprofit', iatiType: '21', country: 'KE',
      website: 'https://immunise-every-child.example',
      description: 'A coalition of civil-society organisations that advocates for equitable immunisation and holds governments and donors to account. It speaks for civil society on the alliance board.',
      offers: ['advocacy', 'community mobilisation', 'local partners'], seeks: ['funding', 'data'],
    },
  },
  {
    on: '2019-01-18', kind: 'org', by: REGISTRY, key: 'chvn',
    org: {
      name: 'Community Health Volunteers Network', sector: 'community', iatiType: '22', country: 'PK',
      website: 'https://health-volunteers.example',
      description: 'A national network of community health volunteers that finds zero-dose children door to door. It works with district health teams to bring missed children to vaccination sessions.',
      offers: ['field staff', 'community outreach', 'local partners'], seeks: ['training', 'funding', 'mobile data tools'],
    },
  },
  {
    on: '2019-01-18', kind: 'org', by: REGISTRY, key: 'kcir',
    org: {
      name: 'Kampala Centre for Immunisation Research', sector: 'academic', iatiType: '80', country: 'UG',
      website: 'https://kampala-immunisation-research.example',
      description: 'A university-affiliated research institute studying vaccine coverage, effectiveness and delivery costs in East Africa. It evaluates alliance programmes independently.',
      offers: ['impact evaluation', 'research', 'data'], seeks: ['research funding', 'data access'],
    },
  },
  { on: '2019-01-18', kind: 'orgPerson', by: REGISTRY, org: 'kcir', email: SOFIA, role: 'member' },
  {
    on: '2019-03-04', kind: 'partnership', by: AMINA, key: V, convener: 'hva',
    input: {
      name: 'Horizon Vaccine Alliance', model: 'other', visibility: 'public',
      purpose: 'Donor and developing-country governments, UN agencies, a foundation, vaccine makers, civil society and researchers pool money and know-how so that every child in lower-income countries gets the vaccines they need. A constituency board decides by consensus; countries co-finance and gradually take over the cost.',
      startDate: '2019-05-20', endDate: null,
      countries: ['CH', 'DE', 'GB', 'US', 'BR', 'DK', 'BD', 'KE', 'PK', 'UG', 'NG', 'ET', 'CD'],
      sectors: ['public', 'private', 'nonprofit', 'academic', 'multilateral', 'philanthropic', 'community'],
      goals: [
        { title: 'Introduce new and under-used vaccines', description: 'Pneumococcal, rotavirus, HPV and malaria vaccines introduced in every eligible country.', sdgs: ['3.b'] },
        { title: 'Reach zero-dose children', description: 'Halve the number of children who have never received a single vaccine dose, and cut under-five deaths.', sdgs: ['3.8', '3.2'] },
        { title: 'Healthy vaccine markets', description: 'At least two prequalified suppliers for each vaccine, with affordable and sustainable prices.', sdgs: ['3.b'] },
      ],
    },
  },
  { on: '2019-05-20', kind: 'stage', by: AMINA, p: V, to: 'building', reason: 'Founding donors and both manufacturers signed the memorandum of understanding; the interim board adopted the constituency model and a consensus rule.' },
  { on: '2019-05-20', kind: 'person', by: AMINA, p: V, email: HENRIK, role: 'convener', org: 'hva' },
  { on: '2019-05-20', kind: 'member', by: AMINA, p: V, org: 'fogh', role: 'funder' },
  { on: '2019-05-20', kind: 'member', by: AMINA, p: V, org: 'dohp', role: 'funder' },
  { on: '2019-05-20', kind: 'member', by: AMINA, p: V, org: 'calloway', role: 'funder' },
  { on: '2019-05-21', kind: 'member', by: AMINA, p: V, org: 'aldermoor', role: 'partner' },
  { on: '2019-05-21', kind: 'member', by: AMINA, p: V, org: 'biosul', role: 'partner' },
  { on: '2019-05-21', kind: 'member', by: AMINA, p: V, org: 'unvsa', role: 'implementer' },
  { on: '2019-05-21', kind: 'member', by: AMINA, p: V, org: 'ihso', role: 'technical_partner' },
  { on: '2019-05-21', kind: 'member', by: AMINA, p: V, org: 'iecc', role: 'partner' },
  { on: '2019-05-22', kind: 'person', by: AMINA, p: V, email: INGRID, role: 'representative', org: 'fogh' },
  { on: '2019-05-22', kind: 'person', by: AMINA, p: V, email: RAHUL, role: 'representative', org: 'calloway' },
  { on: '2019-05-22', kind: 'person', by: AMINA, p: V, email: LUCAS, role: 'representative', org: 'biosul' },
  { on: '2019-05-22', kind: 'person', by: AMINA, p: V, email: GRACE, role: 'representative', org: 'iecc' },
  { on: '2019-05-22', kind: 'person', by: AMINA, p: V, email: ELEANOR, role: 'representative', org: 'dohp' },
  { on: '2019-05-22', kind: 'person', by: AMINA, p: V, email: DAVID, role: 'representative', org: 'aldermoor' },
  { on: '2020-01-15', kind: 'stage', by: AMINA, p: V, to: 'implementing', reason: 'The board approved the 2020–2025 strategy and the first round of country applications; pooled procurement contracts are signed with both manufacturers.' },
  { on: '2020-02-10', kind: 'member', by: AMINA, p: V, org: 'mohbd', role: 'implementer', joinedOn: '2020-02-10' },
  { on: '2020-02-11', kind: 'person', by: HENRIK, p: V, email: FATIMA, role: 'representative', org: 'mohbd' },
  { on: '2020-02-11', kind: 'member', by: HENRIK, p: V, org: 'chvn', role: 'implementer', joinedOn: '2020-02-11' },
  { on: '2020-03-02', kind: 'member', by: HENRIK, p: V, org: 'kcir', role: 'observer', joinedOn: '2020-03-02' },
  { on: '2021-03-01', kind: 'memberUpdate', by: HENRIK, p: V, org: 'kcir', role: 'technical_partner' },
  { on: '2021-03-01', kind: 'person', by: HENRIK, p: V, email: SOFIA, role: 'member', org: 'kcir' },
  { on: '2022-05-09', kind: 'person', by: AMINA, p: V, email: OLIVER, role: 'observer' },
  { on: '2023-02-01', kind: 'stage', by: AMINA, p: V, to: 'reviewing', reason: 'Mid-term review commissioned by the board: coverage gains have stalled in fragile settings and the co-financing policy needs revision.' },
  { on: '2023-09-12', kind: 'stage', by: AMINA, p: V, to: 'implementing', reason: 'Review closed: the board adopted a revised co-financing policy and a window for fragile settings; implementation continues under phase 2.' },
  { on: '2023-09-12', kind: 'goal', by: AMINA, p: V, goal: { title: 'Countries finance their own vaccines', description: 'Co-financing paid on time by every country, and a planned transition to full self-financing as incomes rise; partners held mutually accountable.', sdgs: ['17.17', '3.8'] } },
];

// 3. A city water public-private partnership -----------------------------------------------------
const W = 'water';
const water: DemoEvent[] = [
  { on: '2021-05-10', kind: 'user', email: KENJI, name: 'Kenji Watanabe' },
  { on: '2021-05-10', kind: 'user', email: THANDI, name: 'Thandiwe Nkosi' },
  { on: '2021-05-10', kind: 'user', email: PIERRE, name: 'Pierre Laurent', locale: 'fr' },
  { on: '2021-05-10', kind: 'user', email: ADWOA, name: 'Adwoa Mensah' },
  { on: '2021-05-10', kind: 'user', email: SIPHO, name: 'Sipho Dlamini' },
  { on: '2021-05-10', kind: 'user', email: JOHAN, name: 'Johan van Wyk' },
  {
    on: '2021-05-11', kind: 'org', by: KENJI, key: 'lakemont',
    org: {
      name: 'City of Lakemont', sector: 'public', iatiType: '11', country: 'ZA',
      website: 'https://lakemont-city.example',
      description: 'A growing city of 1.2 million people whose water network loses four litres in ten to leaks and illegal connections. Its PPP unit prepares and oversees long-term infrastructure partnerships.',
      offers: ['public land', 'regulatory authority', 'tariff setting'], seeks: ['private finance', 'operating expertise', 'lenders'],
    },
  },
  { on: '2021-05-11', kind: 'orgPerson', by: KENJI, org: 'lakemont', email: THANDI, role: 'member' },
  {
    on: '2021-05-12', kind: 'org', by: PIERRE, key: 'hydralis',
    org: {
      name: 'Hydralis Eau et Services SA', sector: 'private', iatiType: '70', country: 'FR', iatiIdentifier: 'FR-RCS-999000111',
      website: 'https://hydralis.example',
      description: 'An international water operator that runs drinking-water and sanitation networks under concession and lease contracts. It specialises in cutting non-revenue water.',
      offers: ['network operation', 'leak detection', 'private finance'], seeks: ['concession opportunities', 'local subcontractors'],
    },
  },
  {
    on: '2021-05-12', kind: 'org', by: ADWOA, key: 'cdb',
    org: {
      name: 'Continental Development Bank', sector: 'multilateral', iatiType: '40', country: 'CI', iatiIdentifier: 'XM-DAC-46-990',
      website: 'https://continental-devbank.example',
      description: 'A multilateral development bank that lends to public and private infrastructure projects across the continent. It offers long-tenor loans and partial risk guarantees for PPPs.',
      offers: ['long-term loans', 'risk guarantees', 'environmental and social safeguards'], seeks: ['bankable projects', 'co-lenders'],
    },
  },
  {
    on: '2021-05-12', kind: 'org', by: SIPHO, key: 'lcwf',
    org: {
      name: 'Lakemont Consumer Water Forum', sector: 'community', iatiType: '22', country: 'ZA', iatiIdentifier: 'ZA-NPO-999-001',
      website: 'https://lakemont-water-forum.example',
      description: 'A residents’ association that speaks for water users, including households in informal settlements. It monitors tariffs, service quality and complaints.',
      offers: ['community feedback', 'complaints data', 'local partners'], seeks: ['transparency', 'seat at the table'],
    },
  },
  {
    on: '2021-05-12', kind: 'org', by: JOHAN, key: 'tsamaya',
    org: {
      name: 'Tsamaya Engineering Consultants', sector: 'private', iatiType: '70', country: 'ZA',
      website: 'https://tsamaya-engineering.example',
      description: 'A South African engineering consultancy that acts as transaction adviser and independent engineer on infrastructure PPPs. It certifies construction milestones and performance indicators.',
      offers: ['independent engineering', 'performance audits', 'data'], seeks: ['public-sector clients'],
    },
  },
  {
    on: '2021-06-14', kind: 'partnership', by: KENJI, key: W, convener: 'lakemont',
    input: {
      name: 'Lakemont Water Partnership', model: 'ppp', visibility: 'private',
      purpose: 'A 25-year concession under which a private operator rehabilitates and runs Lakemont’s water network, financed with a development-bank loan, while the city keeps ownership, sets tariffs and holds the operator to performance targets. Consumers sit on the steering committee as observers.',
      startDate: '2021-06-14', endDate: '2048-01-15',
      countries: ['ZA'],
      sectors: ['public', 'private', 'multilateral', 'community'],
      goals: [
        { title: 'Safe, affordable drinking water for every household', description: 'Piped water at home or a yard tap within 200 metres for all 310,000 households, meeting national quality standards.', sdgs: ['6.1'] },
        { title: 'Cut non-revenue water from 41% to 20%', description: 'Find and fix leaks, replace old mains and meters, and regularise illegal connections.', sdgs: ['6.4'] },
        { title: 'Basic services in informal settlements', description: 'Extend the network to the eleven informal settlements on the city’s edge.', sdgs: ['11.1'] },
      ],
    },
  },
  { on: '2021-06-15', kind: 'person', by: KENJI, p: W, email: THANDI, role: 'representative', org: 'lakemont' },
  { on: '2021-09-01', kind: 'member', by: KENJI, p: W, org: 'lcwf', role: 'observer', joinedOn: '2021-09-01' },
  { on: '2021-09-02', kind: 'person', by: KENJI, p: W, email: SIPHO, role: 'observer', org: 'lcwf' },
  { on: '2022-03-01', kind: 'stage', by: KENJI, p: W, to: 'building', reason: 'City council approved the feasibility study and the value-for-money test; procurement of a private operator opened with a public call for bids.' },
  { on: '2022-03-15', kind: 'member', by: KENJI, p: W, org: 'tsamaya', role: 'technical_partner', joinedOn: '2022-03-15' },
  { on: '2022-03-16', kind: 'person', by: KENJI, p: W, email: JOHAN, role: 'member', org: 'tsamaya' },
  { on: '2022-10-03', kind: 'member', by: KENJI, p: W, org: 'hydralis', role: 'implementer', joinedOn: '2022-10-03' },
  { on: '2022-10-04', kind: 'person', by: KENJI, p: W, email: PIERRE, role: 'representative', org: 'hydralis' },
  { on: '2022-11-21', kind: 'member', by: KENJI, p: W, org: 'cdb', role: 'funder', joinedOn: '2022-11-21' },
  { on: '2022-11-22', kind: 'person', by: KENJI, p: W, email: ADWOA, role: 'representative', org: 'cdb' },
  { on: '2023-01-16', kind: 'stage', by: KENJI, p: W, to: 'implementing', reason: 'Concession agreement signed and financial close reached with the development bank; the operator took over the network on 16 January 2023.' },
  { on: '2024-02-05', kind: 'goal', by: KENJI, p: W, goal: { title: 'Transparent tariffs and consumer redress', description: 'Tariff reviews published with the operator’s audited costs; every complaint answered within ten working days.', sdgs: ['6.1', '16.6'] } },
];

// 4. A nonprofit-corporate alliance in the style of the Ellen MacArthur network ---------------------
const C = 'circular';
const circular: DemoEvent[] = [
  { on: '2024-11-04', kind: 'user', email: CLAIRE, name: 'Claire Whitfield' },
  { on: '2024-11-04', kind: 'user', email: MAARTEN, name: 'Maarten de Vries' },
  { on: '2024-11-04', kind: 'user', email: LENA, name: 'Lena Schmidt' },
  { on: '2024-11-04', kind: 'user', email: YUKI, name: 'Yuki Tanaka' },
  { on: '2024-11-04', kind: 'user', email: CARLOS, name: 'Carlos Restrepo', locale: 'es' },
  {
    on: '2024-11-05', kind: 'org', by: CLAIRE, key: 'meridian',
    org: {
      name: 'Meridian Circular Economy Foundation', sector: 'nonprofit', iatiType: '21', country: 'GB', iatiIdentifier: 'GB-CHC-1999001',
      website: 'https://meridian-circular.example',
      description: 'A charity that works with business, government and academia to build an economy that designs out waste and keeps materials in use. It convenes industry networks and publishes open research.',
      offers: ['convening', 'research', 'policy advocacy'], seeks: ['corporate partners', 'funding', 'city pilots'],
    },
  },
  {
    on: '2024-11-05', kind: 'org', by: MAARTEN, key: 'verdant',
    org: {
      name: 'Verdant Consumer Goods N.V.', sector: 'private', iatiType: '70', country: 'NL', iatiIdentifier: 'NL-KVK-99900011',
      website: 'https://verdant-goods.example',
      description: 'A consumer-goods company selling food, home and personal-care brands in 90 countries. It has pledged that all its packaging will be reusable, recyclable or compostable by 2028.',
      offers: ['funding', 'packaging data', 'market reach'], seeks: ['refill systems', 'recycled materials'],
    },
  },
  {
    on: '2024-11-05', kind: 'org', by: LENA, key: 'looplastics',
    org: {
      name: 'Looplastics GmbH', sector: 'private', iatiType: '70', country: 'DE', iatiIdentifier: 'DE-CR-HRB999001',
      website: 'https://looplastics.example',
      description: 'A packaging manufacturer that makes returnable containers and food-grade recycled plastic. It runs a pilot reuse scheme with supermarkets in three German cities.',
      offers: ['reusable packaging', 'recycling capacity', 'pilot sites'], seeks: ['brand partners', 'co-funding'],
    },
  },
  {
    on: '2024-11-06', kind: 'org', by: REGISTRY, key: 'threadcycle',
    org: {
      name: 'ThreadCycle Apparel AB', sector: 'private', iatiType: '70', country: 'SE', iatiIdentifier: 'SE-ON-5599990001',
      website: 'https://threadcycle.example',
      description: 'A fashion company that takes back used garments and resells, repairs or recycles them. It designs its own lines for disassembly and fibre-to-fibre recycling.',
      offers: ['take-back logistics', 'design for recycling'], seeks: ['textile recyclers', 'research partners'],
    },
  },
  {
    on: '2024-11-06', kind: 'org', by: REGISTRY, key: 'kivu',
    org: {
      name: 'Kivu Recycling Ltd', sector: 'private', iatiType: '72', country: 'KE',
      website: 'https://kivu-recycling.example',
      description: 'A Nairobi recycling company that buys sorted plastic from waste-picker cooperatives and turns it into building materials. It employs 240 people and pays collectors above market rates.',
      offers: ['collection network', 'recycled materials', 'local partners'], seeks: ['offtake agreements', 'equipment finance'],
    },
  },
  {
    on: '2024-11-06', kind: 'org', by: REGISTRY, key: 'quickpack',
    org: {
      name: 'Quickpack Packaging Ltd', sector: 'private', iatiType: '70', country: 'GB', iatiIdentifier: 'GB-COH-09990003',
      website: 'https://quickpack.example',
      description: 'A maker of flexible packaging for snacks and ready meals. It trialled mono-material films with the network before changing its strategy.',
      offers: ['flexible packaging'], seeks: ['recyclable film technology'],
    },
  },
  {
    on: '2024-11-06', kind: 'org', by: REGISTRY, key: 'zwcc',
    org: {
      name: 'Zero Waste Cities Coalition', sector: 'nonprofit', iatiType: '21', country: 'BE',
      website: 'https://zero-waste-cities.example',
      description: 'A European network of NGOs helping municipalities adopt zero-waste strategies. It trains city officials and tracks residual waste per person.',
      offers: ['municipal expertise', 'training', 'data'], seeks: ['city partners', 'funding'],
    },
  },
  {
    on: '2024-11-06', kind: 'org', by: CARLOS, key: 'wpala',
    org: {
      name: 'Waste Pickers Alliance of Latin America', sector: 'community', iatiType: '23', country: 'CO',
      website: 'https://waste-pickers-alliance.example',
      description: 'A regional alliance of waste-picker cooperatives and associations from twelve countries. It fights for recognition, fair pay and a place for informal recyclers in new recycling systems.',
      offers: ['collection expertise', 'field staff', 'local partners'], seeks: ['recognition', 'fair contracts', 'funding'],
    },
  },
  {
    on: '2024-11-07', kind: 'org', by: REGISTRY, key: 'eastbridge',
    org: {
      name: 'University of Eastbridge – Centre for Circular Design', sector: 'academic', iatiType: '80', country: 'GB', iatiIdentifier: 'GB-UKPRN-10099999',
      website: 'https://eastbridge-circular.example',
      description: 'A university research centre on product design, material flows and business models for the circular economy. It runs life-cycle assessments for industry partners.',
      offers: ['life-cycle assessment', 'research', 'students'], seeks: ['industry data', 'research funding'],
    },
  },
  { on: '2024-11-07', kind: 'orgPerson', by: REGISTRY, org: 'eastbridge', email: YUKI, role: 'member' },
  {
    on: '2024-11-07', kind: 'org', by: REGISTRY, key: 'utp',
    org: {
      name: 'Universidad Técnica del Pacífico', sector: 'academic', iatiType: '80', country: 'CL',
      website: 'https://utpacifico.example',
      description: 'A technical university with a materials science department that tests recycled polymers and bio-based packaging. It trains engineers for Chile’s new extended-producer-responsibility law.',
      offers: ['materials testing', 'research', 'training'], seeks: ['industry partners'],
    },
  },
  {
    on: '2024-11-07', kind: 'org', by: REGISTRY, key: 'westhaven',
    org: {
      name: 'Municipality of Westhaven', sector: 'public', iatiType: '11', country: 'NL',
      website: 'https://westhaven.example',
      description: 'A port city of 180,000 inhabitants aiming to halve the use of primary raw materials by 2030. It uses public procurement to create demand for reused and recycled products.',
      offers: ['public procurement', 'pilot sites', 'policy'], seeks: ['circular suppliers', 'monitoring methods'],
    },
  },
  {
    on: '2024-11-07', kind: 'org', by: REGISTRY, key: 'ostara',
    org: {
      name: 'Ostara Family Foundation', sector: 'philanthropic', iatiType: '60', country: 'CH',
      website: 'https://ostara-foundation.example',
      description: 'A family foundation that funds systemic approaches to materials and waste. It makes multi-year core grants to networks rather than single projects.',
      offers: ['funding', 'core grants'], seeks: ['systems-change partners'],
    },
  },
  {
    on: '2025-01-20', kind: 'partnership', by: CLAIRE, key: C, convener: 'meridian',
    input: {
      name: 'Circular Futures Network', model: 'nonprofit_corporate', visibility: 'public',
      purpose: 'Companies, NGOs, waste pickers, universities, a city and a foundation work together to design waste out of packaging and textiles: shared targets, pre-competitive pilots and open research, held together by a charter rather than a contract.',
      startDate: '2025-04-01', endDate: null,
      countries: ['GB', 'NL', 'DE', 'SE', 'KE', 'BE', 'CO', 'CL', 'CH'],
      sectors: ['nonprofit', 'private', 'academic', 'public', 'philanthropic', 'community'],
      goals: [
        { title: 'Eliminate problematic single-use plastic packaging', description: 'Partners remove unnecessary packaging and move 30% of volumes to reuse or refill models by 2030.', sdgs: ['12.5'] },
        { title: 'Circular textiles at scale', description: 'Take back, resell, repair or recycle a growing share of garments; fibre-to-fibre recycling proven at industrial scale.', sdgs: ['12.2', '12.5'] },
        { title: 'Circular design and cleaner industry', description: 'Products designed for reuse and recycling, and production lines retrofitted to use recycled feedstock.', sdgs: ['9.4', '12.2'] },
      ],
    },
  },
  { on: '2025-04-01', kind: 'stage', by: CLAIRE, p: C, to: 'building', reason: 'Twelve founding partners signed the network charter at the launch event; working groups on packaging and on textiles are being formed.' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'verdant', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'looplastics', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'threadcycle', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'quickpack', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'kivu', role: 'implementer' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'zwcc', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'wpala', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'eastbridge', role: 'technical_partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'utp', role: 'technical_partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'westhaven', role: 'partner' },
  { on: '2025-04-01', kind: 'member', by: CLAIRE, p: C, org: 'ostara', role: 'funder' },
  { on: '2025-04-02', kind: 'person', by: CLAIRE, p: C, email: MAARTEN, role: 'representative', org: 'verdant' },
  { on: '2025-04-02', kind: 'person', by: CLAIRE, p: C, email: LENA, role: 'representative', org: 'looplastics' },
  { on: '2025-04-02', kind: 'person', by: CLAIRE, p: C, email: CARLOS, role: 'representative', org: 'wpala' },
  { on: '2025-04-02', kind: 'person', by: CLAIRE, p: C, email: YUKI, role: 'member', org: 'eastbridge' },
  { on: '2025-06-16', kind: 'person', by: CLAIRE, p: C, email: OLIVER, role: 'observer' },
  { on: '2026-02-10', kind: 'goal', by: CLAIRE, p: C, goal: { title: 'A fair transition for informal waste workers', description: 'Waste pickers are paid fairly and have a recognised place in every new collection and recycling scheme the network supports.', sdgs: ['8.8', '11.6'] } },
  { on: '2026-03-31', kind: 'memberUpdate', by: CLAIRE, p: C, org: 'quickpack', leftOn: '2026-03-31' },
];

// A newcomer who registered her organisation and is looking for partners -------------------------
const newcomer: DemoEvent[] = [
  { on: '2026-09-14', kind: 'user', email: NORA, name: 'Nora Lindberg' },
  {
    on: '2026-09-14', kind: 'org', by: NORA, key: 'tidewater',
    org: {
      name: 'Tidewater Community Energy Cooperative', sector: 'community', iatiType: '22', country: 'IE', iatiIdentifier: 'IE-CRO-999001',
      website: 'https://tidewater-energy.example',
      description: 'A community-owned cooperative that installs rooftop solar on schools and social housing in coastal towns. It is new to Accord and looking for partners for a regional retrofit programme.',
      offers: ['community engagement', 'solar installation', 'local partners'], seeks: ['co-funding', 'technical partners', 'municipal partners'],
    },
  },
];

/** Every block of the demo, in the order they are loaded. */
export const BLOCKS: DemoEvent[][] = [platform, forest, vaccines, water, circular, newcomer];
