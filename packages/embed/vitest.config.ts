import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  define: { __FR_VERSION__: JSON.stringify('test') },
  test: { name: 'embed', environment: 'happy-dom', include: ['test/**/*.test.ts'] },
});
