// One endpoint = zod input (path params, query, JSON body and/or multipart form), zod output and
// a handler calling a use case. `defineEndpoint` only types the declaration; `mountEndpoint` turns
// it into Express handlers that authenticate, parse, validate, call, validate the result, and
// answer in the envelope {"data": …}. The same declarations generate the OpenAPI document.
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import path from 'node:path';
import { z } from 'zod';
import { authorize, type Access } from './auth.js';
import type { AppDeps } from './deps.js';
import { HttpError, type ErrorCode } from './errors.js';
import { requestLang, type Lang } from './lang.js';
import { formatIssues, type InputLocation } from './validation.js';

export interface UploadedFile {
  buffer: Buffer;
  /** The client's file name (UTF-8), without any directory part. */
  filename: string;
  size: number;
}

export interface Upload {
  /** Multipart field carrying the file. */
  field: string;
  /** Accepted file name extensions, lower case with the dot. */
  extensions: string[];
}

export type ResultFormat = 'envelope' | 'json' | 'html';

type AnyObject = z.ZodObject<z.ZodRawShape>;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<P, Q, B, F> {
  params: Out<P>;
  query: Out<Q>;
  /** The JSON body, when the request was JSON. */
  body: Out<B> | null;
  /** The multipart fields, when the request was multipart. */
  form: Out<F> | null;
  file: UploadedFile | null;
  lang: Lang;
  deps: AppDeps;
  /** The OpenAPI document of this app (generated once, on first use). */
  openapi(): Record<string, unknown>;
}

export interface Endpoint<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  F extends AnyObject | undefined = AnyObject | undefined,
  O extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post';
  operationId: string;
  /** One line, Vietnamese. */
  summary: string;
  /** Longer Markdown-free explanation (Vietnamese, with English where useful). */
  description?: string;
  tags: string[];
  access: Access;
  input: { params?: P; query?: Q; body?: B; form?: F; upload?: Upload };
  output: O;
  /** Status of a successful answer (default 200). */
  status?: 200 | 201;
  /** Error codes this endpoint can answer with, besides the ones every endpoint shares. */
  errors?: ErrorCode[];
  /** "envelope" (default): {"data": output}; "json": the output itself; "html": a page. */
  format?: ResultFormat;
  /** Example success body (the data), shown in the docs. */
  example?: unknown;
  handler(ctx: HandlerContext<P, Q, B, F>): Promise<z.input<O>>;
}

export function defineEndpoint<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  F extends AnyObject | undefined = undefined,
  O extends z.ZodType = z.ZodType,
>(endpoint: Endpoint<P, Q, B, F, O>): Endpoint<P, Q, B, F, O> {
  return endpoint;
}

/** Query parameter every endpoint accepts: the language of messages. */
export const langQuery = z
  .enum(['vi', 'en'])
  .optional()
  .meta({ description: 'Ngôn ngữ thông báo: vi (mặc định) hoặc en. Cũng đọc từ Accept-Language.' });

/** The query schema as validated: the endpoint's own keys plus `lang`, unknown keys rejected. */
export function querySchemaOf(endpoint: Endpoint): AnyObject {
  const own = endpoint.input.query?.shape ?? {};
  return z.strictObject({ ...own, lang: langQuery });
}

function validate<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = formatIssues(parsed.error.issues, location);
  throw new HttpError(400, 'invalid_request', message.vi, message.en);
}

const unsupportedBody = (upload: Upload | undefined) =>
  new HttpError(
    415,
    'unsupported_media_type',
    upload
      ? `Hãy gửi JSON (Content-Type: application/json) hoặc multipart/form-data với tệp ở trường "${upload.field}".`
      : 'Hãy gửi JSON (Content-Type: application/json).',
    upload
      ? `Send JSON (Content-Type: application/json) or multipart/form-data with the file in the "${upload.field}" field.`
      : 'Send JSON (Content-Type: application/json).',
  );

/** Body parsing for one endpoint: JSON and/or multipart, nothing else. */
function bodyParsers(endpoint: Endpoint, deps: AppDeps): RequestHandler[] {
  const { body, form, upload } = endpoint.input;
  if (!body && !form) return [];
  const limit = deps.config.bodyLimit;
  const json = express.json({ limit, strict: true });
  const multipart =
    form && upload
      ? multer({
          storage: multer.memoryStorage(),
          limits: { fileSize: limit, fieldSize: 64 * 1024, files: 1, fields: 20, parts: 21 },
          defParamCharset: 'utf8',
        }).single(upload.field)
      : null;
  return [
    (req, res, next) => {
      if (body && req.is('application/json')) return json(req, res, next);
      if (multipart && req.is('multipart/form-data')) return multipart(req, res, next);
      next(unsupportedBody(upload));
    },
  ];
}

function uploadedFile(req: Request, upload: Upload): UploadedFile {
  const file = req.file;
  if (!file) {
    throw new HttpError(
      400,
      'invalid_request',
      `Thiếu tệp: gửi tệp ở trường "${upload.field}" (${upload.extensions.join(', ')}).`,
      `Missing file: send it in the "${upload.field}" field (${upload.extensions.join(', ')}).`,
    );
  }
  const filename = path.basename(file.originalname.replace(/\\/g, '/')).normalize('NFC');
  const extension = path.extname(filename).toLowerCase();
  if (!upload.extensions.includes(extension)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Không nhận loại tệp "${extension || filename}"; chỉ nhận ${upload.extensions.join(', ')}.`,
      `File type "${extension || filename}" is not accepted; only ${upload.extensions.join(', ')}.`,
    );
  }
  return { buffer: file.buffer, filename, size: file.size };
}

function send(res: Response, endpoint: Endpoint, data: unknown): void {
  switch (endpoint.format ?? 'envelope') {
    case 'html':
      res.status(endpoint.status ?? 200).type('html').send(data as string);
      return;
    case 'json':
      res.status(endpoint.status ?? 200).json(data);
      return;
    default:
      res.status(endpoint.status ?? 200).json({ data });
  }
}

/** The Express handlers of one endpoint, in order: auth, body parsing, validate → handle → validate → send. */
export function mountEndpoint(endpoint: Endpoint, deps: AppDeps, openapi: () => Record<string, unknown>): RequestHandler[] {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const querySchema = querySchemaOf(endpoint);
  const run: RequestHandler = async (req, res) => {
    const lang = requestLang(req);
    const params = endpoint.input.params ? validate(endpoint.input.params, req.params, 'params') : undefined;
    const query = validate(querySchema, req.query ?? {}, 'query');
    let body: unknown = null;
    let form: unknown = null;
    let file: UploadedFile | null = null;
    if (endpoint.input.form && endpoint.input.upload && req.is('multipart/form-data')) {
      form = validate(endpoint.input.form, { ...(req.body ?? {}) }, 'form');
      file = uploadedFile(req, endpoint.input.upload);
    } else if (endpoint.input.body) {
      body = validate(endpoint.input.body, req.body, 'body');
    }
    const result = await endpoint.handler({ params, query, body, form, file, lang, deps, openapi } as HandlerContext<
      AnyObject,
      AnyObject,
      z.ZodType,
      AnyObject
    >);
    const checked = endpoint.output.safeParse(result);
    if (!checked.success) {
      // A response that breaks its own contract is a server bug: never send it.
      log(`[cancu http] ${endpoint.operationId}: response does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`);
      throw new Error(`response of ${endpoint.operationId} does not match its output schema`);
    }
    send(res, endpoint, checked.data);
  };
  return [authorize(endpoint.access, deps.config), ...bodyParsers(endpoint, deps), run];
}
