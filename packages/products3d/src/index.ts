// The generator's parts, for tests and tools (the build writes the files).
export { type Palette, writeGlb } from './glb.js';
export { PRODUCTS, type ProductModel, type Role } from './products.js';
