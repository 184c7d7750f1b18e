// Presets decide which rules run and at what severity. "recommended" is what a legal officer
// reviewing a plan before signature wants: every rule that finds a real defect, none that only
// polishes style. "strict" adds the date-padding style rules of NĐ 30/2020 Phụ lục I.
import type { Severity } from '../../citations/model.js';
import { RULES } from '../rules/index.js';

export type PresetName = 'recommended' | 'strict';
export type Preset = Record<string, Severity | 'off'>;

const STYLE_ONLY = new Set(['date-missing-leading-zero', 'date-month-overpadded']);

const recommended: Preset = Object.fromEntries(RULES.map((r) => [r.id, STYLE_ONLY.has(r.id) ? 'off' : r.severity]));
const strict: Preset = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));

export const PRESETS: Record<PresetName, Preset> = { recommended, strict };
