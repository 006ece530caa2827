/**
 * How the UI asks for each `asks` answer a transition needs (the table names them; the route
 * validates them). An answer not listed here is asked as free text.
 */
export type AskKind = 'boolean' | 'text' | 'date';

export const ASK_KINDS: Record<string, AskKind> = {
  keepContributions: 'boolean',
};

export const askKind = (name: string): AskKind => ASK_KINDS[name] ?? 'text';

export const initialAnswer = (name: string): unknown => (askKind(name) === 'boolean' ? false : '');
