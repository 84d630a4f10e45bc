import { siteShareCard } from '@/app/_crawlers/shareCard';

export const dynamic = 'force-static';
export const GET = siteShareCard;
