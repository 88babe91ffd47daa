import type { ErrorCodeOf } from '../error-codes.js';
import { FittingRoomError } from '../errors.js';
import { en } from '../i18n/tryon/en.js';

/** Why a chosen photo was refused: not a decodable image, or over {@link MAX_PHOTO_BYTES}. */
export type PhotoErrorCode = ErrorCodeOf<'photo'>;

/** A typed photo refusal with a shopper-facing message (the catalog's English text for it). */
export class PhotoError extends FittingRoomError {
  override readonly name = 'PhotoError';
  /** Stable reason; branch on this, never on the message. */
  override readonly code: PhotoErrorCode;

  constructor(code: PhotoErrorCode, options?: { cause?: unknown }) {
    super(code, en[code], options);
    this.code = code;
  }
}
