// The eMAG response envelope and the validation error every handler throws to produce `isError: true`.

export interface Envelope {
  isError: boolean;
  messages: unknown[];
  results: unknown;
}

/** A request eMAG would refuse: answered with HTTP 200 and `isError: true` (as eMAG does). */
export class ApiRefusal extends Error {
  readonly messages: string[];

  constructor(...messages: string[]) {
    super(messages.join('; '));
    this.name = 'ApiRefusal';
    this.messages = messages;
  }
}

export const okEnvelope = (results: unknown): Envelope => ({ isError: false, messages: [], results });

export const errorEnvelope = (messages: unknown[]): Envelope => ({ isError: true, messages, results: [] });
