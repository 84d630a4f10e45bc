import { cookies, draftMode } from 'next/headers';
import { PREVIEW_COOKIE, previewTokenValid } from '@/lib/preview/previewToken';

/**
 * Whether this request may see drafts and scheduled articles: under `next dev`,
 * or in Draft Mode with a preview token signed by the current `DRAFT_SECRET`
 * (app/api/draft/route.ts). Next's Draft Mode cookie alone is not enough: it
 * cannot be withdrawn.
 */
export async function isPreview(): Promise<boolean> {
  if (process.env.NODE_ENV === 'development') return true;
  if (!(await draftMode()).isEnabled) return false;
  return previewTokenValid((await cookies()).get(PREVIEW_COOKIE)?.value, process.env.DRAFT_SECRET, new Date());
}
