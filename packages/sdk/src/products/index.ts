export { type ImageSize, imageSizeOf, type LoadImageOptions, loadProductImage } from './load.js';
export * from './types.js';
export { type ParseProductOptions, parseProduct, type ProductUrlPolicy, requiredLandmarker } from './validate.js';
