// Zod issues → one readable sentence per problem, in Vietnamese and English, naming where the
// problem is (path parameter, query, body) so the caller can fix the request without guessing.
import type { z } from 'zod';

export type InputLocation = 'params' | 'query' | 'body' | 'form';

const LOCATION = {
  params: { vi: 'tham số đường dẫn', en: 'path parameter' },
  query: { vi: 'tham số truy vấn', en: 'query parameter' },
  body: { vi: 'trường', en: 'body field' },
  form: { vi: 'trường biểu mẫu', en: 'form field' },
} as const;

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: 'chuỗi', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true/false', en: 'true/false' },
  object: { vi: 'đối tượng JSON', en: 'a JSON object' },
  array: { vi: 'mảng', en: 'an array' },
};

const FORMAT_NAMES: Record<string, { vi: string; en: string }> = {
  date: { vi: 'ngày dạng YYYY-MM-DD', en: 'a date as YYYY-MM-DD' },
  url: { vi: 'địa chỉ URL', en: 'a URL' },
};

function describe(issue: z.core.$ZodIssue): { vi: string; en: string } {
  switch (issue.code) {
    case 'invalid_type': {
      const name = TYPE_NAMES[issue.expected] ?? { vi: issue.expected, en: issue.expected };
      return { vi: `thiếu hoặc không phải ${name.vi}`, en: `missing or not ${name.en}` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return { vi: `phải có ít nhất ${min} ký tự`, en: `must have at least ${min} characters` };
      if (issue.origin === 'array') return { vi: `phải có ít nhất ${min} phần tử`, en: `must have at least ${min} items` };
      return issue.inclusive
        ? { vi: `phải ≥ ${min}`, en: `must be ≥ ${min}` }
        : { vi: `phải > ${min}`, en: `must be > ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return { vi: `dài quá ${max} ký tự`, en: `longer than ${max} characters` };
      if (issue.origin === 'array') return { vi: `quá ${max} phần tử`, en: `more than ${max} items` };
      return issue.inclusive
        ? { vi: `phải ≤ ${max}`, en: `must be ≤ ${max}` }
        : { vi: `phải < ${max}`, en: `must be < ${max}` };
    }
    case 'invalid_format': {
      const name = FORMAT_NAMES[issue.format];
      return name ? { vi: `phải là ${name.vi}`, en: `must be ${name.en}` } : { vi: 'sai định dạng', en: 'has the wrong format' };
    }
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return { vi: `phải là một trong: ${values}`, en: `must be one of: ${values}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return { vi: `không nhận ${keys} (kiểm tra chính tả)`, en: `unknown ${keys} (check the spelling)` };
    }
    case 'not_multiple_of':
      return { vi: `phải là bội của ${String(issue.divisor)}`, en: `must be a multiple of ${String(issue.divisor)}` };
    default:
      return { vi: `không hợp lệ (${issue.message})`, en: `is invalid (${issue.message})` };
  }
}

export function formatIssues(issues: z.core.$ZodIssue[], location: InputLocation): { vi: string; en: string } {
  const where = LOCATION[location];
  const lines = issues.slice(0, 10).map((issue) => {
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
    const { vi, en } = describe(issue);
    return {
      vi: name ? `${where.vi} "${name}" ${vi}` : `${where.vi}: ${vi}`,
      en: name ? `${where.en} "${name}" ${en}` : `${where.en}: ${en}`,
    };
  });
  return {
    vi: `Yêu cầu không hợp lệ: ${lines.map((line) => line.vi).join('; ')}.`,
    en: `Invalid request: ${lines.map((line) => line.en).join('; ')}.`,
  };
}
