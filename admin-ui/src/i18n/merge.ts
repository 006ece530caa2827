import type { TranslationMessages } from 'react-admin';

type Tree = { [key: string]: unknown };

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(trees: object[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      out[key] = isTree(out[key]) && isTree(value) ? merge([out[key] as Tree, value]) : value;
    }
  }
  return out;
}

/**
 * Catalogues are written per area (react-admin, shell, domain names, data intake); a key path may
 * be shared (`resources`, `workflow`, `app`), so they are merged deeply, later ones adding to earlier ones.
 */
export function mergeMessages(...trees: object[]): TranslationMessages {
  return merge(trees) as unknown as TranslationMessages;
}
