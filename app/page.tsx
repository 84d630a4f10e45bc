import { FrontPage } from '@/components/FrontPage';
import { getPublishedArticles } from '@/lib/content/siteContent';
import { paginate } from '@/lib/pagination';

export default async function HomePage() {
  const page = paginate(await getPublishedArticles(), 1);
  // Page 1 always exists, even with no article at all.
  return page && <FrontPage page={page} />;
}
