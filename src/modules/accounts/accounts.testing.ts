// What tests need from accounts beyond index.ts: the code an authenticator app shows for a secret at a
// given time, so a browser test can enrol and log in with two-step verification as a person would.
export { totpCode } from './totp.js';
