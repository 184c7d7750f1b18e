// Which language the caller reads: `?lang=en|vi` first, then Accept-Language, Vietnamese by default.
import type { Request } from 'express';
import type { Lang } from '../model/schemas.js';

export type { Lang };

export function requestLang(req: Request): Lang {
  const asked = req.query?.['lang'];
  if (asked === 'en' || asked === 'vi') return asked;
  if (!req.headers['accept-language']) return 'vi';
  return req.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi';
}
