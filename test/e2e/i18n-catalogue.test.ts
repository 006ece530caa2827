import englishMessages from 'ra-language-english';
import en from '../../admin-ui/src/i18n/en';
import es from '../../admin-ui/src/i18n/es';
import fr from '../../admin-ui/src/i18n/fr';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();

// No browser needed: the interface's three catalogues must say the same things in each language.
describe('interface translations', () => {
  const english = leaves(en as unknown as Tree);

  it.each([['fr', fr], ['es', es]])('%s has every English key, no other, none empty, the same placeholders', (_lang, messages) => {
    const other = leaves(messages as unknown as Tree);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of other) {
      expect({ key, empty: text.trim() === '' && english.get(key)!.trim() !== '' }).toEqual({ key, empty: false });
      const expected = placeholders(english.get(key)!);
      // react-admin's packaged French drops a placeholder now and then; it may omit, never invent.
      const found = key.startsWith('ra.') ? placeholders(text).filter((p) => !expected.includes(p)) : placeholders(text);
      expect({ key, placeholders: found }).toEqual({ key, placeholders: key.startsWith('ra.') ? [] : expected });
    }
  });

  it("the Spanish react-admin set covers all of react-admin's own keys", () => {
    const raKeys = [...leaves(englishMessages as unknown as Tree).keys()].filter((k) => k.startsWith('ra.'));
    const spanish = leaves(es as unknown as Tree);
    expect(raKeys.filter((k) => !spanish.has(k))).toEqual([]);
    expect(raKeys.length).toBeGreaterThan(150);
  });
});
