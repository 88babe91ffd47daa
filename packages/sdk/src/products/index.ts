export { type ImageSize, imageSizeOf, type LoadImageOptions, loadProductImage } from './load.js';
export * from './types.js';
export {
  type ParseProductOptions,
  type ProductUrlPolicy,
  parseProduct,
  requiredLandmarker,
} from './validate.js';
