// API keys: writes always need one; reads only when CANCU_READS_REQUIRE_KEY is set. The key comes
// in `Authorization: Bearer <key>` or `X-API-Key: <key>` and is compared in constant time against
// every configured key (no early exit, so timing says nothing about which or how much matched).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.js';
import { HttpError } from './errors.js';

/** public: always open (health, docs); read: open unless configured closed; write: key required. */
export type Access = 'public' | 'read' | 'write';

function presentedKey(req: Request): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1]!;
  }
  return null;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** True when `presented` equals one of `keys`; digests make the lengths equal for timingSafeEqual. */
export function keyMatches(presented: string, keys: readonly Buffer[]): boolean {
  const candidate = digest(presented);
  let matched = false;
  for (const key of keys) matched = timingSafeEqual(candidate, key) || matched;
  return matched;
}

export function authorize(access: Access, config: Config): RequestHandler {
  const keyDigests = config.apiKeys.map(digest);
  const needsKey = access === 'write' || (access === 'read' && config.readsRequireKey);
  return (req, _res, next) => {
    if (!needsKey) return next();
    if (keyDigests.length === 0) {
      return next(
        new HttpError(
          403,
          'writes_disabled',
          'Máy chủ này chưa cấu hình khóa API (biến môi trường CANCU_API_KEYS) nên không nhận thao tác ghi.',
          'This server has no API keys configured (CANCU_API_KEYS), so it accepts no writes.',
        ),
      );
    }
    const key = presentedKey(req);
    const challenge = { headers: { 'WWW-Authenticate': 'Bearer realm="cancu"' } };
    if (key === null) {
      return next(
        new HttpError(
          401,
          'unauthorized',
          access === 'write'
            ? 'Thao tác ghi cần khóa API: gửi tiêu đề "Authorization: Bearer <khóa>" hoặc "X-API-Key: <khóa>".'
            : 'Máy chủ này yêu cầu khóa API cho cả thao tác đọc: gửi "Authorization: Bearer <khóa>" hoặc "X-API-Key: <khóa>".',
          access === 'write'
            ? 'Writes need an API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>".'
            : 'This server requires an API key for reads too: send "Authorization: Bearer <key>" or "X-API-Key: <key>".',
          challenge,
        ),
      );
    }
    if (!keyMatches(key, keyDigests)) {
      return next(
        new HttpError(401, 'unauthorized', 'Khóa API không đúng.', 'Wrong API key.', challenge),
      );
    }
    next();
  };
}
