import type { FastifyInstance } from 'fastify';

/**
 * Every route `app` registered, as `METHOD /path` with `:params`, read from Fastify's public
 * `printRoutes()` tree (one line per node: `├── /segment (GET, HEAD)`, children indented by four
 * columns, a node's path continuing its parent's). HEAD is left out: Fastify adds it to every GET.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = `${stack[depth - 1] ?? ''}${match[2]}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ')) {
      if (method && method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
