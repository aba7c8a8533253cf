export type Tree = { [key: string]: string | Tree };

/** The shared file and the feature files of one language, as one tree; a namespace defined twice is a mistake. */
export function merge(...parts: object[]): Tree {
  const out: Tree = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part as Tree)) {
      if (k in out) throw new Error(`The translation namespace "${k}" is defined twice`);
      out[k] = v;
    }
  }
  return out;
}
