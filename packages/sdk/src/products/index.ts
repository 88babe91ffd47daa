// `@fittingroom/sdk/products`: product validation and image loading.
export { type ImageSize, imageSizeOf, type LoadImageOptions, loadProductImage } from './load.js';
export {
  DEFAULT_FINGER,
  FINGERS,
  type Finger,
  type ImagePoint,
  PRODUCT_KINDS,
  type Product,
  type ProductImageSource,
  type ProductKind,
} from './types.js';
export {
  type ParseProductOptions,
  type ProductUrlPolicy,
  parseProduct,
  requiredLandmarker,
} from './validate.js';
