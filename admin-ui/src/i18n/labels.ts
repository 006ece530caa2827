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
    /**
     * A workflow action is "engage" on a button and "partner.engage" in the audit log; other
     * events ("user.created") have their own names under audit_actions.
     */
    action: (action: string, entityType?: string) => {
      const dot = action.indexOf('.');
      const [scope, name] = dot > 0 ? [action.slice(0, dot), action.slice(dot + 1)] : [entityType ?? '', action];
      const workflowLabel = t(`workflow.${scope}.actions.${name}`, humanize(name));
      return dot > 0 ? t(`audit_actions.${action}`, workflowLabel) : workflowLabel;
    },
    ask: (name: string) => t(`workflow.asks.${name}`, humanize(name)),
    jobTitle: (name: string, serverTitle: string) => t(`job_titles.${name}`, serverTitle),
  };
}
