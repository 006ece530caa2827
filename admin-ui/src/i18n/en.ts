import englishMessages from 'ra-language-english';
import { JOB_STEPS, type JobStepKey } from '../../../server/domain/job-steps';
import type { ErrorCode } from '../../../server/errors/app-error';
import { domainEn } from './domain-en';
import { intakeEn } from './intake-en';
import { mergeMessages } from './merge';
import { publicationEn } from './publication-en';

/** The application's own strings; fr.ts and es.ts must have exactly these keys (the type checks it). */
export const appEn = {
  app: {
    title: 'CTDC back office',
    errors: { network: 'The server cannot be reached. Check your connection and try again.' },
    job_steps: { ...JOB_STEPS } as Record<JobStepKey, string>,
    api_errors: {
      bad_request: 'The request could not be understood.',
      validation: 'Refused: something in the request is not valid.',
      unauthenticated: 'Please sign in.',
      forbidden: 'Your role does not allow this.',
      not_found: 'Not found.',
      conflict: 'Not possible in the current state: reload the page and check.',
      payload_too_large: 'The file or request is too large.',
      unsupported_media_type: 'This type of file is not accepted here.',
      guard_failed: 'A condition for this action is not met.',
      unprocessable: 'The request cannot be carried out as it is.',
      rate_limited: 'Too many attempts: wait, then try again.',
      internal: 'Something went wrong on our side.',
      unavailable: 'A service is unavailable: try again in a moment.',
    } satisfies Record<ErrorCode, string>,
    login: {
      title: 'Sign in',
      subtitle: 'Counter-Trafficking Data Collaborative back office',
      email: 'E-mail',
      password: 'Password',
      submit: 'Sign in',
      language: 'Language',
      wrong_credentials: 'Wrong e-mail or password.',
      deactivated: 'This account is deactivated. Ask an administrator to reactivate it.',
      rate_limited: 'Too many failed sign-ins. Try again in %{minutes} minute(s).',
      rate_limited_later: 'Too many failed sign-ins. Try again later.',
      missing_fields: 'Enter your e-mail and password.',
      unavailable: 'The server cannot be reached right now. Try again in a moment.',
    },
    locale: { save_failed: 'Your language choice could not be saved on the server.' },
    menu: { queue_board: 'Queue board' },
    dashboard: {
      welcome: 'Welcome, %{name}',
      your_roles: 'Your roles',
      organisation: 'Organisation: %{name}',
      waiting_title: 'Waiting for me',
      waiting_empty: 'Nothing is waiting for you right now.',
      waiting_hint: 'Reviews, sign-offs and other decisions assigned to you will appear here.',
    },
    history: {
      title: 'History',
      empty: 'No recorded events yet.',
      see_all: 'See all in the audit log',
      forbidden: 'Your role does not allow reading the audit log.',
    },
    workflow: {
      confirm: 'Confirm',
      reason: 'Reason',
      reason_required: 'Required: the reason is recorded in the audit log.',
      reason_optional: 'Optional: recorded in the audit log.',
      dialog_title: '%{action}: %{name}',
      done: '%{action}: done',
      current_state: 'Current state',
    },
    job: {
      attempts: 'Attempt %{attempts} of %{max}',
      step: 'Step',
      live: 'Updating live',
      error: 'Why it failed',
      result: 'Result',
      self_test: 'Run self-test',
      self_test_started: 'Self-test started: it fails its first attempt on purpose, then succeeds on retry.',
      queue_board: 'Queue board',
    },
    notifications: {
      bell: 'Notifications',
      bell_unread: 'Notifications: %{smart_count} unread',
      mark_read: 'Mark as read',
      mark_all_read: 'Mark all as read',
      all_read: 'All notifications are marked as read.',
      empty: 'You have no notifications.',
      unread: 'Unread',
      open: 'Open',
    },
    users: {
      search: 'Search name or e-mail',
      active: 'Active',
      inactive: 'Deactivated',
      reset_password: 'Reset password',
      reset_password_title: 'New password for %{name}',
      reset_password_help: 'At least 10 characters. The user is signed out everywhere and must use the new password.',
      new_password: 'New password',
      password_reset_done: 'Password changed; the user was signed out everywhere.',
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
      deactivate_title: 'Deactivate %{name}?',
      deactivate_content: 'They will be signed out everywhere and cannot sign in until reactivated. Their history is kept.',
      deactivated: 'Account deactivated.',
      reactivated: 'Account reactivated.',
      partner_help: 'Partner users belong to exactly one partner organisation (its id).',
      password_help: 'At least 10 characters. Share it with the user through a safe channel.',
      roles_help: 'Staff may hold several roles; a partner user holds only that role.',
      password_min: 'At least 10 characters',
    },
    audit: {
      verify: 'Verify chain',
      verify_ok: 'The audit chain is intact: %{count} events checked.',
      verify_broken: 'The audit chain is broken at event %{link}. %{count} events checked.',
      actor_id: 'Actor (user id)',
      only_actor: "Only this person's events",
      entity_history: 'All events of this %{type}',
      from: 'From',
      to: 'To',
      state_change: 'State change',
      system: 'System',
    },
    common: { none: 'None', copy: 'Copy', copied: 'Copied' },
  },
};

export type AppStrings = typeof appEn;

export default mergeMessages(englishMessages, appEn, domainEn, intakeEn, publicationEn);
