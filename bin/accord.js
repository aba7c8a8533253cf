#!/usr/bin/env node
// The `accord` command: runs the TypeScript CLI in this process through tsx's loader (no build step, no child
// process: one Node start per command).
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
register();
await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
