import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { routeRegistry } from './route';

let cached: unknown;

/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(): unknown {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  for (const r of routeRegistry) {
    const query = r.query instanceof z.ZodObject ? r.query : undefined;
    registry.registerPath({
      method: r.method,
      path: `/api${r.path.replace(/:(\w+)/g, '{$1}')}`,
      summary: r.summary,
      tags: [r.tag],
      description: r.permission === 'public' ? 'No sign-in needed.' : `Needs permission \`${r.permission}\`.`,
      request: {
        params: /:(\w+)/.test(r.path)
          ? z.object(Object.fromEntries([...r.path.matchAll(/:(\w+)/g)].map((m) => [m[1], z.string()])))
          : undefined,
        query,
        body: r.body ? { content: { 'application/json': { schema: r.body } } } : undefined,
      },
      responses: { 200: { description: 'Success' }, 400: { description: 'Invalid input, with field details' } },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'CTDC back office API', version: '1' },
  });
  return cached;
}
