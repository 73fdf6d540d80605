// The second half of the page templates of pages.ts, checked like the first half in
// accessibility.test.ts; a file of its own so the two halves run side by side.
import { describePageChecks, pagesOfPart } from './page-checks.js';

describePageChecks(pagesOfPart(1));
