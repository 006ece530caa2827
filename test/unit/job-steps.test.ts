import { JOB_STEPS, jobStep, readJobStep, type JobStepKey } from '../../server/domain/job-steps';

const keys = Object.keys(JOB_STEPS) as JobStepKey[];
/** Parameters a step's template names, with values to fill them. */
const paramsOf = (key: JobStepKey) => Object.fromEntries([...JOB_STEPS[key].matchAll(/%\{(\w+)\}/g)]
  .map(([, name], i) => [name, name === 'artifact' ? 'microdata_csv' : 1_234_567 * (i + 1)]));

describe('job steps', () => {
  it.each(keys)('%s is written in English and read back to the same step and numbers', (key) => {
    const params = paramsOf(key);
    const text = jobStep(key, params);
    expect(text).not.toMatch(/%\{/);
    expect(readJobStep(text)).toEqual({ key, params });
  });

  it('writes numbers as en-US does and tells apart steps that share a beginning', () => {
    expect(jobStep('writing_output', { written: 50_000, total: 1_000_000 })).toBe('Writing the output: 50,000 of 1,000,000 records');
    expect(readJobStep('Records loaded: 5,000')).toEqual({ key: 'records_loaded', params: { loaded: 5000 } });
    expect(readJobStep('Records loaded: 5,000 of 9,000')).toEqual({ key: 'records_loaded_of', params: { loaded: 5000, total: 9000 } });
  });

  it('reads nothing from text that is no step, and refuses to write a step without its numbers', () => {
    expect(readJobStep('Something else entirely')).toBeNull();
    expect(readJobStep('Writing the output: many of all records')).toBeNull();
    expect(() => jobStep('harmonizing_records')).toThrow('job step harmonizing_records needs records');
  });
});
