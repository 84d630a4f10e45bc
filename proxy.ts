import { NextResponse, type NextRequest } from 'next/server';
import { findRedirect } from '@/lib/content/siteContent';
import { articlePath } from '@/lib/routes';

/**
 * Old article addresses (`redirectFrom`) answer 308 here, before any page is
 * rendered: a redirect thrown from a statically cached page comes out of
 * Next 16 with its Location header twice (vercel/next.js#82117), which some
 * crawlers refuse.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const slug = request.nextUrl.pathname.split('/')[2] ?? '';
  const target = await findRedirect(slug);
  return target === undefined ? NextResponse.next() : NextResponse.redirect(new URL(articlePath(target), request.url), 308);
}

export const config = { matcher: '/article/:slug' };
