import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

/** Leaves Draft Mode: readers' pages again. */
export async function GET(): Promise<Response> {
  (await draftMode()).disable();
  redirect('/');
}
