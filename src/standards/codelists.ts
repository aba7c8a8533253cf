import fs from 'node:fs';
import path from 'node:path';

/** SDG goal colours, from the UN's SDG communications guidelines. */
export const SDG_COLOURS: Record<string, string> = {
  '1': '#E5243B', '2': '#DDA63A', '3': '#4C9F38', '4': '#C5192D', '5': '#FF3A21', '6': '#26BDE2',
  '7': '#FCC30B', '8': '#A21942', '9': '#FD6925', '10': '#DD1367', '11': '#FD9D24', '12': '#BF8B2E',
  '13': '#3F7E44', '14': '#0A97D9', '15': '#56C02B', '16': '#00689D', '17': '#19486A',
};

export interface CodeItem { code: string; name: string }
export interface Codelists {
  organisationTypes: CodeItem[];
  countries: CodeItem[];
  registrationAgencies: CodeItem[];
  sdgGoals: { code: string; short: string; title: string; colour: string }[];
  sdgTargets: { code: string; goal: string; title: string }[];
  sets: {
    organisationTypes: Set<string>;
    countries: Set<string>;
    registrationAgencies: Set<string>;
    sdgCodes: Set<string>;
  };
}

const decode = (s: string): string =>
  s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/** Reads an IATI code list (XML) into code + English name; withdrawn items are left out. */
export function readIatiCodelist(file: string): CodeItem[] {
  const xml = fs.readFileSync(file, 'utf8');
  const items: CodeItem[] = [];
  for (const m of xml.matchAll(/<codelist-item([^>]*)>([\s\S]*?)<\/codelist-item>/g)) {
    if (/status="withdrawn"/.test(m[1])) continue;
    const code = /<code>([^<]*)<\/code>/.exec(m[2])?.[1]?.trim();
    const name = /<name>\s*<narrative>([^<]*)<\/narrative>/.exec(m[2])?.[1]?.trim();
    if (code) items.push({ code: decode(code), name: decode(name ?? code) });
  }
  return items;
}

let cache: { dir: string; lists: Codelists } | null = null;

/** Loads the code lists Accord checks against, once per process, from the `standards/` folder. */
export function loadCodelists(standardsDir: string): Codelists {
  if (cache && cache.dir === standardsDir) return cache.lists;
  const iati = (n: string) => readIatiCodelist(path.join(standardsDir, 'iati', 'codelists', `${n}.xml`));
  const sdg = JSON.parse(fs.readFileSync(path.join(standardsDir, 'sdg', 'sdg-goals-targets-indicators.json'), 'utf8')) as {
    goals: { code: string; title: string; short: string }[];
    targets: { code: string; goal: string; title: string }[];
  };
  const organisationTypes = iati('OrganisationType');
  const countries = iati('Country').map((c) => ({ code: c.code, name: c.name.replace(/\b([A-Z])([A-Z]+)\b/g, (_, a, b) => a + b.toLowerCase()) }));
  const registrationAgencies = iati('OrganisationRegistrationAgency');
  const sdgGoals = sdg.goals.map((g) => ({ code: g.code, short: g.short, title: g.title, colour: SDG_COLOURS[g.code] ?? '#555555' }));
  const sdgTargets = sdg.targets.map((t) => ({ code: t.code, goal: t.goal, title: t.title }));
  const lists: Codelists = {
    organisationTypes,
    countries,
    registrationAgencies,
    sdgGoals,
    sdgTargets,
    sets: {
      organisationTypes: new Set(organisationTypes.map((c) => c.code)),
      countries: new Set(countries.map((c) => c.code)),
      registrationAgencies: new Set(registrationAgencies.map((c) => c.code)),
      sdgCodes: new Set([...sdgGoals.map((g) => g.code), ...sdgTargets.map((t) => t.code)]),
    },
  };
  cache = { dir: standardsDir, lists };
  return lists;
}

/** Parses a simple CSV (quoted fields may hold commas and doubled quotes; no line breaks in fields). */
function readCsvRows(file: string): string[][] {
  const rows: string[][] = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else {
        cell += ch;
      }
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** The OCDS for PPPs risk code lists (risk register: categories and allocation parties). */
export interface OcdsRiskCodelists {
  categories: CodeItem[];
  allocations: CodeItem[];
  sets: { categories: Set<string>; allocations: Set<string> };
}

let riskCache: { dir: string; lists: OcdsRiskCodelists } | null = null;

/** Loads `riskCategory.csv` and `riskAllocation.csv` of the OCDS for PPPs profile (patched), once per process. */
export function loadOcdsRiskCodelists(standardsDir: string): OcdsRiskCodelists {
  if (riskCache && riskCache.dir === standardsDir) return riskCache.lists;
  const read = (name: string): CodeItem[] => {
    const [header, ...rows] = readCsvRows(path.join(standardsDir, 'ocds', 'ppp-profile', 'patched', 'codelists', `${name}.csv`));
    const code = header.indexOf('Code');
    const title = header.indexOf('Title');
    return rows.filter((r) => r[code]?.trim()).map((r) => ({ code: r[code].trim(), name: (r[title] ?? r[code]).trim() }));
  };
  const categories = read('riskCategory');
  const allocations = read('riskAllocation');
  const lists = { categories, allocations, sets: { categories: new Set(categories.map((c) => c.code)), allocations: new Set(allocations.map((c) => c.code)) } };
  riskCache = { dir: standardsDir, lists };
  return lists;
}
