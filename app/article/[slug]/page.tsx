import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { tagEntry } from '@/app/_cache/tagEntry';
import { isPreview } from '@/app/_preview/isPreview';
import { ArticleBody } from '@/components/ArticleBody';
import { Breadcrumb } from '@/components/Breadcrumb';
import { Byline } from '@/components/Byline';
import { CorrectionList } from '@/components/CorrectionList';
import { DossierNav, DossierPart } from '@/components/DossierNav';
import { HeroFigure } from '@/components/HeroFigure';
import { JsonLd } from '@/components/JsonLd';
import { EmbedSupport } from '@/components/EmbedSupport';
import { LiveCoverage } from '@/components/LiveCoverage';
import { PreviewNotice } from '@/components/PreviewNotice';
import { RelatedArticles } from '@/components/RelatedArticles';
import { ShareLinks } from '@/components/ShareLinks';
import { TagList } from '@/components/TagList';
import { articlePageTags, cacheTags } from '@/lib/content/index/cacheTags';
import { dossierPlace } from '@/lib/content/index/dossierParts';
import { isLiveNow } from '@/lib/content/index/liveCoverage';
import { isPublic } from '@/lib/content/index/publication';
import { findRelatedArticles } from '@/lib/content/index/relatedArticles';
import { findRedirect, getArticleBody, getArticleForPreview, getPublishedArticle, getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';
import { PRERENDER_LIMITS } from '@/lib/pagination';
import { articlePath, sectionPath } from '@/lib/routes';
import { articleJsonLd } from '@/lib/seo/jsonLd';
import { articleMetadata } from '@/lib/seo/pageMetadata';
import { absoluteUrl } from '@/lib/siteConfig';

// A safety net only: a change in the content folder revalidates exactly the pages it
// touches within seconds (instrumentation.ts, lib/content/index/invalidation.ts); nothing else
// regenerates a page before a day has passed.
export const revalidate = 86400;

interface ArticlePageProps {
  params: Promise<{ slug: string }>;
}

export async function generateStaticParams() {
  const articles = await getPublishedArticles();
  return articles.slice(0, PRERENDER_LIMITS.articles).map((article) => ({ slug: article.slug }));
}

async function findArticle({ params }: ArticlePageProps) {
  const { slug } = await params;
  const [published, articles] = await Promise.all([getPublishedArticle(slug), getPublishedArticles()]);
  const article = published ?? ((await isPreview()) ? await getArticleForPreview(slug) : undefined);
  return article && { article, articles };
}

export async function generateMetadata(props: ArticlePageProps): Promise<Metadata> {
  const found = await findArticle(props);
  if (!found) return {};
  return articleMetadata(found.article, { preview: !isPublic(found.article, new Date()) });
}

export default async function ArticlePage(props: ArticlePageProps) {
  const found = await findArticle(props);
  if (!found) {
    // Tagged too: the article published at this address, or a redirect from it, replaces this answer.
    await tagEntry([cacheTags.article((await props.params).slug)]);
    // An old address (redirectFrom) answers 308 to the current one. Next 16 sends
    // such a redirect with its Location header twice, same value
    // (vercel/next.js#82117); a proxy.ts would avoid that but costs every article
    // request more than half its throughput, so the bug is borne until Next's fix.
    const target = await findRedirect((await props.params).slug);
    if (target !== undefined) permanentRedirect(articlePath(target));
    notFound();
  }
  const { article, articles } = found;
  const now = new Date();
  const body = getArticleBody(article);
  const related = findRelatedArticles(article, articles);
  const place = dossierPlace(article, (await getSiteContent()).dossiers, articles);
  await tagEntry(
    articlePageTags(
      article,
      related,
      [place?.previous, place?.next].filter((part) => part !== undefined),
    ),
  );

  return (
    <>
      {!isPublic(article, now) && <PreviewNotice article={article} />}
      <JsonLd data={articleJsonLd(article, place?.dossier)} />
      <Breadcrumb
        trail={[
          { name: 'Accueil', href: '/' },
          { name: article.category, href: sectionPath(article.category) },
        ]}
        current={article.title}
      />
      <article className="article">
        <header className="article-header">
          <p className="category">
            {isLiveNow(article, now) && <span className="live-badge">En direct</span>}
            {article.type && <span className="article-type">{article.type}</span>}
            <Link href={sectionPath(article.category)}>{article.category}</Link>
          </p>
          <h1>{article.title}</h1>
          {place && <DossierPart place={place} />}
          <p className="standfirst">{article.description}</p>
          <Byline article={article} />
        </header>
        <HeroFigure image={article.image} />
        {article.live ? <LiveCoverage article={{ ...article, live: article.live }} body={body} now={now} /> : <ArticleBody html={body.html} />}
        <EmbedSupport providers={body.embeds ?? []} live={isLiveNow(article, now)} />
        {place && <DossierNav place={place} />}
        <CorrectionList corrections={article.corrections} />
        <footer className="article-footer">
          <TagList tags={article.tags} />
          <ShareLinks url={absoluteUrl(articlePath(article.slug))} title={article.title} />
        </footer>
      </article>
      <RelatedArticles article={article} related={related} />
    </>
  );
}
