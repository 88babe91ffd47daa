import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: { name: 'vite-plugin', environment: 'node', include: ['test/**/*.test.ts'] },
});
