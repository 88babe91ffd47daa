import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'sdk',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
  },
});
