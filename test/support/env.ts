// Filled in by the integration set-up.
export {};
