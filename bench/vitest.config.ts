import { defineProject } from 'vitest/config';

// Unit tests of the bench's pure helpers (statistics, tables, classification, settings). The
// benchmarks themselves are never part of the test command.
export default defineProject({
  resolve: { conditions: ['source'] },
  test: { name: 'bench', environment: 'node', include: ['test/**/*.test.ts'] },
});
