import { FittingRoomError } from '../errors.js';

/**
 * A product's 3D model could not be used: it could not be fetched, is not a binary glTF 2.0
 * file, or breaks the convention of docs/3d-models.md. `file` is the model's URL, so the
 * retailer knows which file to fix; the try-on goes on with the product's image.
 */
export class ModelError extends FittingRoomError {
  /** The model's URL as configured (`product.model`). */
  readonly file: string;
  /** What is wrong, e.g. `has no mesh`. */
  readonly problem: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super('model_failed', `product.model ${file} ${problem}`, options);
    this.name = 'ModelError';
    this.file = file;
    this.problem = problem;
  }
}

/** The browser cannot render 3D (no WebGL2): the try-on draws the product's image instead. */
export class WebGLUnavailableError extends FittingRoomError {
  constructor(options?: { cause?: unknown }) {
    super(
      'webgl_unavailable',
      'WebGL2 is not available: showing the product image instead',
      options,
    );
    this.name = 'WebGLUnavailableError';
  }
}
