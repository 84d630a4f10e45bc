// `npm run content:check`: every problem of the content folder (CONTENT_DIR, or
// content/) and its photos (content/images/), errors then warnings, then a summary line. Exits 1
// when there is an error, so CI stops before building a site that would fail.
import path from 'node:path';
import { checkContent } from '../lib/content/check/checkContent';
import { formatCheckReport } from '../lib/content/check/checkReport';

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
const check = await checkContent(contentDir, new Date());
console.log(formatCheckReport(check).join('\n'));
process.exitCode = check.errors.length > 0 ? 1 : 0;
