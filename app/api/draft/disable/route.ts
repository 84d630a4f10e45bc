import { cookies, draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { PREVIEW_COOKIE } from '@/lib/preview/previewToken';
import { homePath } from '@/lib/routes';

/** Leaves Draft Mode: readers' pages again. */
export async function GET(): Promise<Response> {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  redirect(homePath());
}
