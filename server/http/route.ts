import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { rolesAllow, type Permission } from '../auth/permissions';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HandlerInput<B, Q> {
  req: Request;
  res: Response;
  ctx: AppContext;
  actor: Actor;
  body: B;
  query: Q;
  params: Record<string, string>;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType> {
  method: Method;
  /** Express path below /api. */
  path: string;
  /** Who may call it; 'public' needs no sign-in. Nothing is allowed without a declaration. */
  permission: Permission | 'public';
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  /** The handler writes the response itself (downloads, streams, uploads). */
  raw?: boolean;
  /** Success status when the handler returns a value. */
  status?: number;
  handler(input: HandlerInput<z.infer<B>, z.infer<Q>>): Promise<unknown>;
}

/** A handler's answer already written as JSON text (by PostgreSQL, for the widest pages): sent as is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Every declared route, for the OpenAPI document and the authorization matrix test. */
export const routeRegistry: RouteSpec<z.ZodType, z.ZodType>[] = [];

export function zodFields(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = zodFields(result.error);
    throw new AppError('validation', `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
  }
  return result.data;
}

export function mountRoute<B extends z.ZodType, Q extends z.ZodType>(router: Router, ctx: AppContext, spec: RouteSpec<B, Q>): void {
  routeRegistry.push(spec as unknown as RouteSpec<z.ZodType, z.ZodType>);
  router[spec.method](spec.path, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = req.actor;
      if (spec.permission !== 'public') {
        if (!actor) throw new AppError('unauthenticated', 'Please sign in');
        if (!rolesAllow(actor.roles, spec.permission)) throw new AppError('forbidden', 'Your role does not allow this');
      }
      const body = parse(spec.body, req.body, 'request body');
      const query = parse(spec.query, req.query, 'query');
      const result = await spec.handler({
        req, res, ctx, actor: actor as Actor, body, query, params: req.params as Record<string, string>,
      });
      if (!spec.raw && !res.headersSent) {
        if (result === undefined) res.status(204).end();
        else if (result instanceof JsonText) {
          // What res.json does once it has the text.
          if (!res.get('Content-Type')) res.set('Content-Type', 'application/json');
          res.status(spec.status ?? 200).send(result.text);
        } else res.status(spec.status ?? 200).json(result);
      }
    } catch (err) {
      next(err);
    }
  });
}
