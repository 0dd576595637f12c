/** A request that got no complete HTTP response, and why. */

export type NetworkFailure =
  'refused' | 'connect-timeout' | 'unreachable' | 'timeout' | 'reset' | 'too-large' | 'aborted' | 'proxy' | 'other';

/** A request that got no complete HTTP response. */
export class HttpFailure extends Error {
  readonly kind: NetworkFailure;
  /** The runner's network settings the request used, when it used any (for messages). */
  settings?: string;

  constructor(kind: NetworkFailure, message: string) {
    super(message);
    this.name = 'HttpFailure';
    this.kind = kind;
  }
}
