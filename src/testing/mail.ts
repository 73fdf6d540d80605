// The mail module's test SMTP server and MIME reader for route tests of other modules, which reach a
// module only through its index.ts: a module test that checks what arrives at an SMTP server (a
// digest, a notice) imports them from here.
export { parseMail, startTestSmtp, type ReceivedMail, type TestSmtp } from '../modules/mail/mail.testing.js';
