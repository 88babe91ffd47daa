/** @type {import('next').NextConfig} */
export default {
  // Two builds of one app side by side (Turbopack and webpack) in the consumer test.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The consumer test's folder is new every run, so a build cache would be written, never read.
  experimental: { turbopackFileSystemCacheForBuild: false },
  // The second build of the same sources need not type-check them again.
  typescript: { ignoreBuildErrors: process.env.FR_TYPES_CHECKED === '1' },
};
