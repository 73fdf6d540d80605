// The portal's library fixtures for tests of other modules, which reach a module only through its
// index.ts: a module test (or test surface) that attaches a published library document creates it
// with these.
export { createDocument, PDF, publishedDocument } from '../modules/portal/testing.js';
