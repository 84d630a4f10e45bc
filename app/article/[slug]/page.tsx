import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/ArticleBody';
import { Byline } from '@/components/Byline';
import { HeroFigure } from '@/components/HeroFigure';
import { TagList } from '@/components/TagList';
import { getPublishedArticle, getPublishedArticles } from '@/lib/content/siteContent';

interface ArticlePageProps {
  params: Promise<{ slug: string }>;
}

export async function generateStaticParams() {
  const articles = await getPublishedArticles();
  return articles.map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return {};
  return { title: article.title, description: article.description };
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();

  return (
    <article className="article">
      <header className="article-header">
        <p className="category">{article.category}</p>
        <h1>{article.title}</h1>
        <p className="standfirst">{article.description}</p>
        <Byline article={article} />
      </header>
      <HeroFigure image={article.image} />
      <ArticleBody html={article.html} />
      <footer className="article-footer">
        <TagList tags={article.tags} />
      </footer>
    </article>
  );
}
