// The rule catalogue: spec/citation-format.md §5 plus the project's own rules (seeds README).
// One rule per file; this list is the only registry.
import type { Rule } from '../define-rule.js';
import adminHasYearSegment from './admin-has-year-segment.js';
import amendedCitation from './amended-citation.js';
import canCuOrder from './can-cu-order.js';
import citationMissingDate from './citation-missing-date.js';
import citationMissingIssuer from './citation-missing-issuer.js';
import citationMissingSo from './citation-missing-so.js';
import codeCaseMismatch from './code-case-mismatch.js';
import codeMissingDiacritic from './code-missing-diacritic.js';
import contentAfterSignature from './content-after-signature.js';
import dateAfterCitingDocument from './date-after-citing-document.js';
import dateInvalid from './date-invalid.js';
import dateMissingLeadingZero from './date-missing-leading-zero.js';
import dateMonthOverpadded from './date-month-overpadded.js';
import dateSpacing from './date-spacing.js';
import defunctIssuer from './defunct-issuer.js';
import descriptionTypo from './description-typo.js';
import draftPlaceholder from './draft-placeholder.js';
import expiredPeriod from './expired-period.js';
import inconsistentCitation from './inconsistent-citation.js';
import issuerNameCodeMismatch from './issuer-name-code-mismatch.js';
import issuerScopeMismatch from './issuer-scope-mismatch.js';
import issuerUnofficialVariant from './issuer-unofficial-variant.js';
import legalNormativeMissingYear from './legal-normative-missing-year.js';
import numberMissingLeadingZero from './number-missing-leading-zero.js';
import outdatedCitation from './outdated-citation.js';
import partySymbolStateStyle from './party-symbol-state-style.js';
import planIssuerMismatch from './plan-issuer-mismatch.js';
import planYearMismatch from './plan-year-mismatch.js';
import qhTermYearMismatch from './qh-term-year-mismatch.js';
import soColonInCitation from './so-colon-in-citation.js';
import staleSeries from './stale-series.js';
import staleYearReference from './stale-year-reference.js';
import stateSymbolPartyStyle from './state-symbol-party-style.js';
import symbolMissingHyphen from './symbol-missing-hyphen.js';
import symbolMissing from './symbol-missing.js';
import symbolSpaceInside from './symbol-space-inside.js';
import symbolWrongSeparator from './symbol-wrong-separator.js';
import typeCodeUnknown from './type-code-unknown.js';
import typeWordCodeMismatch from './type-word-code-mismatch.js';
import typeWordLowercase from './type-word-lowercase.js';
import unverifiedCitation from './unverified-citation.js';
import yearSegmentDateMismatch from './year-segment-date-mismatch.js';

export const RULES: Rule[] = [
  adminHasYearSegment,
  amendedCitation,
  canCuOrder,
  citationMissingDate,
  citationMissingIssuer,
  citationMissingSo,
  codeCaseMismatch,
  codeMissingDiacritic,
  contentAfterSignature,
  dateAfterCitingDocument,
  dateInvalid,
  dateMissingLeadingZero,
  dateMonthOverpadded,
  dateSpacing,
  defunctIssuer,
  descriptionTypo,
  draftPlaceholder,
  expiredPeriod,
  inconsistentCitation,
  issuerNameCodeMismatch,
  issuerScopeMismatch,
  issuerUnofficialVariant,
  legalNormativeMissingYear,
  numberMissingLeadingZero,
  outdatedCitation,
  partySymbolStateStyle,
  planIssuerMismatch,
  planYearMismatch,
  qhTermYearMismatch,
  soColonInCitation,
  staleSeries,
  staleYearReference,
  stateSymbolPartyStyle,
  symbolMissingHyphen,
  symbolMissing,
  symbolSpaceInside,
  symbolWrongSeparator,
  typeCodeUnknown,
  typeWordCodeMismatch,
  typeWordLowercase,
  unverifiedCitation,
  yearSegmentDateMismatch,
];
