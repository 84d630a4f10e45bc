import { createDossierFeedRoute } from '@/app/_crawlers/feedRoutes';

export const dynamic = 'force-static';
// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;
export const { generateStaticParams, GET } = createDossierFeedRoute('json');
