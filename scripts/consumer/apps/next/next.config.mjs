/** @type {import('next').NextConfig} */
export default {
  // Two builds of one app side by side (Turbopack and webpack) in the consumer test.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};
