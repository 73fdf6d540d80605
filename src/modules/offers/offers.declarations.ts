// What the offers module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses and its e-mails (the enquiry to the entity and the sender's confirmation).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const offersErrors = {
  'offers.not_found': { status: 404 },
  'offers.no_recipient': { status: 409 },
  'offers.too_many': { status: 429 },
  'offers.too_many_photos': { status: 409 },
  'offers.need_not_found': { status: 404 },
  'offers.need_state': { status: 409 },
  'offers.buyer_not_found': { status: 404 },
} as const satisfies ErrorDeclarations;

type OffersErrors = typeof offersErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends OffersErrors {}
}

/** The enquiry as the entity and its representatives receive it (the sender's text and contact). */
type EnquiryMail = {
  offer: string;
  entity: string;
  name: string;
  institution: string;
  email: string;
  phone: string;
  message: string;
  link: string;
};

/** A buyer's need as a matching entity hears of it (notice and reminder). */
type NeedMail = { need: string; institution: string; entity: string; deadline: string; link: string; answer: string };

declare module '../mail/index.js' {
  interface MailTemplates {
    offer_enquiry: EnquiryMail;
    offer_enquiry_copy: { offer: string; entity: string; link: string };
    need_notice: NeedMail;
    need_reminder: NeedMail;
    need_outcome: { need: string; institution: string; link: string };
  }
}
