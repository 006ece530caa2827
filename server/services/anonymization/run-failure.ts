import { DatasetPolicyMismatchError, HierarchyError, PolicyValidationError } from '../../domain/anonymization';
import { UnknownStandardError } from '../../domain/standard';

/** A run that cannot succeed as it stands (retrying would not help); the message is shown to staff. */
export class RunFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFailure';
  }
}

/** The reason to show when an error means the run itself is wrong, or null for a passing fault. */
export function readableFailure(error: unknown): string | null {
  if (error instanceof RunFailure || error instanceof DatasetPolicyMismatchError || error instanceof HierarchyError || error instanceof UnknownStandardError) {
    return error.message;
  }
  if (error instanceof PolicyValidationError) return `The run's policy is invalid: ${error.message}`;
  return null;
}
