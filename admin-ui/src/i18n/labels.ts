import { useTranslate } from 'react-admin';

/** "request_agreement" → "Request agreement": the fallback when a name has no translation yet. */
export const humanize = (name: string) => {
  const words = name.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Labels for domain names, each falling back to a readable form of the raw name. */
export function useDomainLabels() {
  const translate = useTranslate();
  const t = (key: string, fallback: string) => translate(key, { _: fallback });
  return {
    role: (role: string) => t(`roles.${role}`, humanize(role)),
    entity: (type: string) => t(`entities.${type}`, humanize(type)),
    jobStatus: (status: string) => t(`job_status.${status}`, humanize(status)),
    state: (workflow: string, state: string) => t(`workflow.${workflow}.states.${state}`, humanize(state)),
    /** Workflow actions are bare ("engage"); other events are namespaced ("user.created"). */
    action: (action: string, entityType?: string) =>
      action.includes('.')
        ? t(`audit_actions.${action}`, humanize(action))
        : t(`workflow.${entityType ?? ''}.actions.${action}`, humanize(action)),
    ask: (name: string) => t(`workflow.asks.${name}`, humanize(name)),
  };
}
