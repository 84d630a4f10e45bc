import { createAuthorFeedRoute } from '@/app/_crawlers/feedRoutes';

export const dynamic = 'force-static';
export const { generateStaticParams, GET } = createAuthorFeedRoute('atom');
