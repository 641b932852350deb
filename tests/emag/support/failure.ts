// The EmagError a client call (or any code) ends with; any other outcome fails the test.
import { EmagError } from '../../../main/core/emag';

export async function failure(promise: Promise<unknown>): Promise<EmagError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EmagError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The EmagError `run` throws. */
export function thrownBy(run: () => unknown): EmagError {
  try {
    run();
  } catch (error) {
    if (error instanceof EmagError) return error;
    throw error;
  }
  throw new Error('expected an EmagError');
}
