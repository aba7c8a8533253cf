/**
 * Every message the API words in the reader's language, one catalog per module (each key starts with its
 * module's name, so two modules never define the same key). See kernel/messages.ts.
 */
import { common } from './common';
import { organisations } from './organisations';
import { partnerships } from './partnerships';
import { accounts } from './accounts';
import { governance } from './governance';
import { disputes } from './disputes';
import { decisions } from './decisions';
import { commitments } from './commitments';
import { ledger } from './ledger';
import { numbers } from './numbers';
import { results } from './results';
import { risks } from './risks';
import { imports } from './imports';
import { contracts } from './contracts';
import { charter } from './charter';

export const CATALOGS = { common, organisations, partnerships, accounts, governance, disputes, decisions, commitments, ledger, numbers, results, risks, imports, contracts, charter } as const;

export const CATALOG = { ...common, ...organisations, ...partnerships, ...accounts, ...governance, ...disputes, ...decisions, ...commitments, ...ledger, ...numbers, ...results, ...risks, ...imports, ...contracts, ...charter } as const;

export type MessageKey = keyof typeof CATALOG & string;

/** The catalog entry whose English is exactly this text, if any (the contracts' own messages: see contracts.ts). */
const byEnglish = new Map<string, MessageKey>(Object.entries(contracts).map(([key, entry]) => [entry.en, key as MessageKey]));
export const contractMessageKey = (english: string): MessageKey | undefined => byEnglish.get(english);
