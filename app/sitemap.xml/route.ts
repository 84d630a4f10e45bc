import { sitemapResponse } from '@/app/_crawlers/sitemapRoutes';

export const dynamic = 'force-static';
export const GET = sitemapResponse;
