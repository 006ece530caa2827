/**
 * What a running job says it is doing, shown under its progress bar. Each step is an English
 * template with %{name} for a number (or, for `artifact`, a file kind). The workers render steps
 * through `jobStep`, so job_runs keeps the English text; the admin UI reads that text back through
 * the same templates (`readJobStep`) and says the step in the reader's language.
 */
export const JOB_STEPS = {
  reading_file: 'Reading the file',
  profiling_rows: 'Profiling: %{rows} rows read',
  opening_file: 'Opening the file',
  harmonizing_records: 'Harmonizing: %{records} records',
  recording_outcome: 'Recording the outcome',
  loading_records: 'Loading records',
  records_loaded_of: 'Records loaded: %{loaded} of %{total}',
  records_loaded: 'Records loaded: %{loaded}',
  lattice_nodes: 'Lattice nodes checked: %{checked} of %{total}',
  writing_output: 'Writing the output: %{written} of %{total} records',
  comparing_previous: 'Comparing with the previous published release',
  building_artifact: 'Building %{artifact}',
  checking_rows: 'Checking and verifying rows: %{rows}',
  shuffling_rows: 'Shuffling rows: %{rows}',
  storing_microdata: 'Storing the microdata',
  counting_microdata: 'Counting the published microdata: %{rows} rows',
  storing_codebook: 'Storing the codebook',
  rendering_codebook_pdf: 'Rendering the codebook PDF',
  storing_codebook_pdf: 'Storing the codebook PDF',
  drawing_report: 'Drawing the statistical report',
  storing_report: 'Storing the statistical report',
  writing_manifest: 'Writing the manifest',
  already_recorded: 'Already recorded',
  recorded: 'Recorded',
  published: 'Published',
  gathering_contribution: 'Gathering submissions, releases and findings',
  rendering_pdf: 'Rendering the PDF',
  done: 'Done',
  creating_reports: 'Creating reports for active partners',
  reports_queued: '%{created} report(s) queued',
  checking_agreements: 'Checking agreements',
  sending_notifications: 'Sending notifications',
  walking_audit_chain: 'Walking the audit chain',
  attempt: 'Attempt %{attempt}',
  worker_stopped: 'A worker stopped mid-job; resumed by another',
} as const;

export type JobStepKey = keyof typeof JOB_STEPS;

/** A step's text, made by `jobStep` only: what job progress accepts. */
export type StepText = string & { readonly jobStep: true };

/** The one parameter that is not a number. */
const TEXT_PARAMS = new Set(['artifact']);

/** The step in English, numbers written as en-US writes them (1,234,567). */
export function jobStep(key: JobStepKey, params: Record<string, number | string> = {}): StepText {
  return JOB_STEPS[key].replace(/%\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`job step ${key} needs ${name}`);
    return typeof value === 'number' ? value.toLocaleString('en-US') : value;
  }) as StepText;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const READERS = (Object.entries(JOB_STEPS) as [JobStepKey, string][]).map(([key, template]) => {
  const names: string[] = [];
  const pattern = template.split(/(%\{\w+\})/).map((part) => {
    const m = /^%\{(\w+)\}$/.exec(part);
    if (!m) return escape(part);
    names.push(m[1]);
    return TEXT_PARAMS.has(m[1]) ? '(.+)' : '(-?[\\d,]+(?:\\.\\d+)?)';
  }).join('');
  return { key, names, regex: new RegExp(`^${pattern}$`) };
});

/** The key and parameters of a step's English text; null for text that is no known step. */
export function readJobStep(text: string): { key: JobStepKey; params: Record<string, number | string> } | null {
  for (const { key, names, regex } of READERS) {
    const m = regex.exec(text);
    if (!m) continue;
    const params: Record<string, number | string> = {};
    names.forEach((name, i) => { params[name] = TEXT_PARAMS.has(name) ? m[i + 1] : Number(m[i + 1].replace(/,/g, '')); });
    return { key, params };
  }
  return null;
}
