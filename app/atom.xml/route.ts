import { createSiteFeedRoute } from '@/app/_crawlers/feedRoutes';

export const dynamic = 'force-static';
export const revalidate = 30;

export const GET = createSiteFeedRoute('atom');
