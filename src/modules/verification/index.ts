// Public face of the verification module: `/weryfikacja/{kind}/{number}` answers whether a numbered
// document is in force, for every kind a module registers under `verifiableKinds` (extension.ts).
// It knows no kind itself; issuers use documentNumber, verificationPath and verifiablePdf.
import type { AppModule } from '../../core/module.js';
import { verificationRoutes } from './verification.routes.js';

export { documentNumber, DOCUMENT_NUMBER_PATTERN, qrSvg, verifiablePdf, verificationPath } from './document.js';
export { VERIFIED_STATES, type VerifiableKind, type VerifiedDocument, type VerifiedField, type VerifiedState } from './extension.js';

export const verificationModule: AppModule = {
  name: 'verification',
  routes: verificationRoutes,
};
