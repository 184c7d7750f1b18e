// The batch validation every store runs before touching anything: each malformed field is refused
// with its own path, and a well-formed batch (nulls and absent optional texts included) passes.
import { describe, expect, it } from 'vitest';
import { GraphInputError } from '../../src/graph/errors.js';
import { validateBatch } from '../../src/graph/core/validate.js';
import type { DocumentBatch } from '../../src/graph/store.js';
import { doc, instrument } from './batches.js';

const ND = 'vn:tw:nd-cp:2020:30';

function good(): DocumentBatch {
  return doc({ key: 'doc:a', instruments: [instrument(ND, { number: '30/2020/NĐ-CP', year: 2020 })], cites: [{ to: ND, date: '2020-03-05' }, { to: ND }] });
}

function fieldOf(batch: DocumentBatch, index = 0): string | null {
  try {
    validateBatch(batch, index);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphInputError);
    return (error as GraphInputError).field;
  }
}

describe('validateBatch', () => {
  it('accepts a well-formed batch, with null and absent optional texts', () => {
    const batch = good();
    delete (batch.cites[1] as Partial<(typeof batch.cites)[number]>).typeWritten;
    expect(fieldOf(batch)).toBeNull();
  });

  const cases: [string, (batch: DocumentBatch) => void, string][] = [
    ['a negative offset', (b) => ((b.cites[1]! as { offset: number }).offset = -1), 'batches[3].cites[1].offset'],
    ['a fractional line', (b) => ((b.cites[0]! as { line: number }).line = 1.5), 'batches[3].cites[0].line'],
    ['a column given as text', (b) => ((b.cites[0]! as { column: unknown }).column = '7'), 'batches[3].cites[0].column'],
    ['a missing length', (b) => delete (b.cites[0]! as { length?: number }).length, 'batches[3].cites[0].length'],
    ['a cite from another document', (b) => (b.cites[1]!.from = 'doc:b'), 'batches[3].cites[1].from'],
    ['an empty target key', (b) => (b.cites[0]!.to = ''), 'batches[3].cites[0].to'],
    ['a target key with surrounding spaces', (b) => (b.cites[0]!.to = ` ${ND}`), 'batches[3].cites[0].to'],
    ['a section that is not text', (b) => ((b.cites[0]! as { section: unknown }).section = null), 'batches[3].cites[0].section'],
    ['a surface that is not text', (b) => ((b.cites[1]! as { surface: unknown }).surface = 12), 'batches[3].cites[1].surface'],
    ['a written date that is a number', (b) => ((b.cites[0]! as { dateWritten: unknown }).dateWritten = 20200305), 'batches[3].cites[0].dateWritten'],
    ['a written type that is an object', (b) => ((b.cites[1]! as { typeWritten: unknown }).typeWritten = {}), 'batches[3].cites[1].typeWritten'],
    ['a cite that is not an object', (b) => ((b.cites as unknown[])[1] = 'x'), 'batches[3].cites[1]'],
    ['an instrument with a numeric subject', (b) => ((b.instruments[0]! as { subject: unknown }).subject = 5), 'batches[3].instruments[0].subject'],
    ['an instrument with a negative year', (b) => (b.instruments[0]!.year = -2020), 'batches[3].instruments[0].year'],
    ['an instrument with an unknown status', (b) => ((b.instruments[0]! as { status: string }).status = 'valid'), 'batches[3].instruments[0].status'],
    ['an instrument without a key', (b) => ((b.instruments[0]! as { key: unknown }).key = undefined), 'batches[3].instruments[0].key'],
  ];
  for (const [what, spoil, field] of cases) {
    it(`refuses ${what}, naming ${field}`, () => {
      const batch = good();
      spoil(batch);
      expect(fieldOf(batch, 3)).toBe(field);
    });
  }
});
