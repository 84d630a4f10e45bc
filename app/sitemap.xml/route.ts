import { sitemapResponse } from '@/app/_crawlers/sitemapRoutes';

export const dynamic = 'force-static';
export const revalidate = 30;
export const GET = sitemapResponse;
