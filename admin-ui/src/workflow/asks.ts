/**
 * How the UI asks for each `asks` answer a transition needs (the table names them; the route
 * validates them). An answer not listed here is asked as free text.
 */
export type AskKind = 'boolean' | 'text' | 'date';

export const ASK_KINDS: Record<string, AskKind> = {
  keepContributions: 'boolean',
};

export const askKind = (name: string): AskKind => ASK_KINDS[name] ?? 'text';

// A yes/no question starts unanswered: the person must choose, never inherit a default.
export const initialAnswer = (name: string): unknown => (askKind(name) === 'boolean' ? null : '');

export const isAnswered = (name: string, value: unknown): boolean => askKind(name) !== 'boolean' || typeof value === 'boolean';
