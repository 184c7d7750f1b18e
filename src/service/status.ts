// Write use case: record a change of an instrument's validity (replaced, repealed, amended,
// expired), kept with the source the fact comes from.
import { parseReference } from '../citations/reference.js';
import type { GraphStore, InstrumentDetail, StatusEvent } from '../graph/store.js';
import { AmbiguousRefError, InvalidInputError, UnknownRefError } from './errors.js';
import { resolveRef } from './resolve-ref.js';

export interface StatusEventInput {
  kind: StatusEvent['kind'];
  /** The acting instrument as a key or a citation; null when there is none (expired). */
  by: string | null;
  date: string;
  confidence: StatusEvent['confidence'];
  source: string;
  note: string | null;
}

export interface RecordedStatus {
  key: string;
  event: StatusEvent;
  instrument: InstrumentDetail;
}

export async function recordStatusEvent(store: GraphStore, ref: string, input: StatusEventInput): Promise<RecordedStatus> {
  const key = await resolveRef(store, ref);
  const by = input.by === null ? null : await actingInstrumentKey(store, input.by);
  const event: StatusEvent = { kind: input.kind, by, date: input.date, confidence: input.confidence, source: input.source, note: input.note };
  await store.addStatusEvent(key, event);
  const instrument = await store.getInstrument(key);
  if (!instrument) throw new UnknownRefError(ref);
  return { key, event, instrument };
}

/**
 * The acting instrument need not be in the graph yet (a new decree replacing an old one): a
 * stored match is preferred, otherwise the key the citation itself yields.
 */
async function actingInstrumentKey(store: GraphStore, by: string): Promise<string> {
  try {
    return await resolveRef(store, by);
  } catch (error) {
    if (error instanceof AmbiguousRefError) throw error;
    if (!(error instanceof UnknownRefError)) throw error;
  }
  const key = parseReference(by.normalize('NFC').trim())?.key;
  if (key) return key;
  throw new InvalidInputError(
    `Không xác định được văn bản "${by}" trong trường "by"; hãy ghi khóa chuẩn hoặc số, ký hiệu đầy đủ (ví dụ "Nghị định số 30/2020/NĐ-CP").`,
    `Cannot identify the instrument "${by}" in "by"; give a canonical key or the full number and symbol (e.g. "Nghị định số 30/2020/NĐ-CP").`,
  );
}
