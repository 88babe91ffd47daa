import type { FittingRoomErrorCode } from './error-codes.js';

export type { ErrorArea, ErrorCodeOf, FittingRoomErrorCode } from './error-codes.js';

/** Base class of every error the SDK throws on purpose. */
export class FittingRoomError extends Error {
  /** Stable, machine-readable reason. */
  readonly code: FittingRoomErrorCode;

  constructor(code: FittingRoomErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FittingRoomError';
    this.code = code;
  }
}

/**
 * A configuration mistake. `field` is the dotted path of the offending option (for example
 * `policy.controller.name`) so the retailer knows exactly what to fix.
 */
export class ConfigError extends FittingRoomError {
  /** Dotted path of the option at fault. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super('config', `${field} ${problem}`);
    this.name = 'ConfigError';
    this.field = field;
  }
}
