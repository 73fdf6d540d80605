// Public face of the verification module: verifiable documents shared by the modules that issue
// them (event certificates today, licences later). Issuers contribute a kind (`verificationKinds`)
// and print the number, the address and its QR code made here; the module answers
// `/weryfikacja/{kind}/{number}` as a page and as JSON.
import type { AppModule } from '../../core/module.js';
import { verificationRoutes } from './verification.routes.js';

export type { VerificationKind, VerifiedDocument, VerificationStatus } from './verification.extension.js';
export { newDocumentNumber, qrSvg, verificationPath, verificationUrl } from './verification.numbers.js';

export const verificationModule: AppModule = {
  name: 'verification',
  routes: verificationRoutes,
};
