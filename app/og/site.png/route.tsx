import { siteShareCard } from '@/app/_crawlers/shareCard';

export const dynamic = 'force-static';
// Images are costly to draw: refreshed every 5 min, or at once by /api/revalidate.
export const revalidate = 300;
export const GET = siteShareCard;
