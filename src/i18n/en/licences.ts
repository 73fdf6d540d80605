// English strings of the licences module, typed against the Polish source (pl/licences.ts).
import type { licencesPl } from '../pl/licences.js';
import type { TranslationShape } from '../types.js';

export const licencesEn: TranslationShape<typeof licencesPl> = {
  licences: {
    title: 'The “Zakup Prospołeczny” mark',
    intro:
      'The social economy promotional mark “Zakup Prospołeczny” (pro-social purchase) is granted to products and services of social economy entities. Here you can check which licences for the mark are valid today.',
    rules: {
      title: 'Rules',
      licence:
        'In the Kujawsko-Pomorskie region the mark is granted under licence by the Regional Social Policy Centre in Toruń: an exclusive licence for one year, renewable every year on application.',
      unit: 'The certificate is given to a specific product or service, not just to the entity.',
      criteria:
        'Criteria: a proper legal form, social or socially useful activity, at least 6 months on the market, at least 30 % own revenue in the last accounting period, the product or service on offer for at least 3 months.',
      eligible:
        'Eligible are, among others, social cooperatives, CIS, ZAZ, cooperatives of disabled persons, non-profit companies, NGOs and church legal persons with business activity, operating in the region.',
      free: 'Certification is free of charge.',
      sources: 'Sources:',
    },
    valid: {
      title: 'Valid licences',
      caption: '“Zakup Prospołeczny” licences valid today',
      count_one: '{{count}} valid licence',
      count_few: '{{count}} valid licences',
      count_many: '{{count}} valid licences',
      count_other: '{{count}} valid licences',
    },
    search: 'Search (entity, product, number)',
    searchButton: 'Search',
    licenceTitle: 'Licence {{number}}',
    stateLabel: 'State',
    state: {
      valid: 'valid',
      expired: 'expired',
      not_yet_valid: 'not valid yet (renewal)',
      unknown: 'granted, validity unknown (the source gives no dates)',
      withdrawn: 'withdrawn',
      suspended: 'suspended',
    },
    productUnspecified: 'product not yet specified',
    unknownDate: 'unknown',
    example: 'Example (demonstration) data, not a real licence.',
    certificate: 'Certificate (PDF)',
    verify: 'Licence verification page',
    verifyKind: 'Licence for the “Zakup Prospołeczny” mark',
    field: {
      number: 'Number',
      holder: 'Entity',
      product: 'Product or service',
      grantedOn: 'Grant date',
      expiresOn: 'Valid until',
      withdrawnOn: 'Withdrawal date',
      source: 'Source',
    },
    pdf: {
      title: '“Zakup Prospołeczny” certificate',
      author: 'Regional Social Policy Centre in Toruń — Spójnia platform',
      example: 'EXAMPLE',
      intro: 'Licence to use the social economy promotional mark “Zakup Prospołeczny” for the product or service named below.',
      caption: 'Licence details',
      fact: 'Field',
      value: 'Value',
      verify: 'The licence’s current state can be checked at the address in the QR code.',
      qrAlt: 'QR code with the address of the verification page: {{url}}',
      qrCaption: 'QR code of the licence verification page',
    },
    form: {
      entity: 'Entity (full name as in the registry)',
      entityHint: 'Type the name exactly as in the registry of entities.',
      product: 'Product or service',
      grantedOn: 'Grant date',
      withdrawnOn: 'Withdrawal date',
      reason: 'Reason',
    },
    validation: {
      noEntity: 'There is no entity of this name in the registry.',
      date: 'The field “{{field}}” must hold a date (YYYY-MM-DD).',
    },
    admin: {
      title: '“Zakup Prospołeczny” licences',
      grant: 'Record a granted licence',
      grantButton: 'Record the licence',
      all: 'All licences',
      manage: 'Manage the licence',
      publicPage: 'Public page of the licence',
      renew: 'Renewal',
      renewHint: 'A renewal filed before expiry starts exactly on the day the current licence expires.',
      renewButton: 'Renew the licence',
      suspend: 'Suspension',
      suspendButton: 'Suspend the licence',
      liftButton: 'Lift the suspension',
      withdraw: 'Withdrawal',
      withdrawButton: 'Withdraw the licence',
    },
  },
};
