// The Express application: routing table + security defaults + one error handler. No listen here
// (src/http/server.ts does that), so tests and the CLI start it on the port they choose.
import cors from 'cors';
import express, { type Express } from 'express';
import type { AppDeps } from './deps.js';
import { mountEndpoint } from './endpoint.js';
import { errorHandler, HttpError, notFoundHandler } from './errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { routing as defaultRouting, type Routing } from './routes.js';
import { webPages } from './web.js';

export type { AppDeps } from './deps.js';

export function createApp(deps: AppDeps, routing: Routing = defaultRouting): Express {
  const app = express();
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', false);

  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    next();
  });
  if (deps.config.corsOrigins.length > 0) {
    const origins = deps.config.corsOrigins;
    app.use(
      cors({
        origin: origins.includes('*') ? '*' : origins,
        methods: ['GET', 'POST'],
        allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'Accept-Language'],
        maxAge: 600,
      }),
    );
  }

  // The web pages (/, /lineage, /assets/…): static files, before the API's routes.
  app.use(webPages());

  let openapi: Record<string, unknown> | null = null;
  const openapiDocument = () => (openapi ??= buildOpenApiDocument(routing, deps.config));

  for (const [path, methods] of Object.entries(routing)) {
    for (const [method, endpoint] of Object.entries(methods)) {
      app[method as 'get' | 'post'](path, ...mountEndpoint(endpoint!, deps, openapiDocument));
    }
    const allowed = Object.keys(methods).map((method) => method.toUpperCase());
    app.all(path, (req, res, next) => {
      res.setHeader('Allow', allowed.join(', '));
      next(
        new HttpError(
          405,
          'method_not_allowed',
          `Đường dẫn ${req.path} không nhận ${req.method}; chỉ nhận ${allowed.join(', ')}.`,
          `${req.path} does not accept ${req.method}; only ${allowed.join(', ')}.`,
        ),
      );
    });
  }

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
