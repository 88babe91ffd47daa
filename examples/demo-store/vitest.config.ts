import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'demo-store', environment: 'node', include: ['test/**/*.test.ts'] },
});
