import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/ArticleCard';
import { getPublishedArticles, getSiteContent } from '@/lib/content/siteContent';

interface AuthorPageProps {
  params: Promise<{ slug: string }>;
}

export async function generateStaticParams() {
  const { authors } = await getSiteContent();
  return [...authors.keys()].map((slug) => ({ slug }));
}

async function findAuthor(slug: string) {
  const { authors } = await getSiteContent();
  return authors.get(slug);
}

export async function generateMetadata({ params }: AuthorPageProps): Promise<Metadata> {
  const author = await findAuthor((await params).slug);
  if (!author) return {};
  return { title: author.name, description: author.bio };
}

export default async function AuthorPage({ params }: AuthorPageProps) {
  const author = await findAuthor((await params).slug);
  if (!author) notFound();
  const articles = (await getPublishedArticles()).filter((article) => article.author.slug === author.slug);

  return (
    <section className="listing" aria-labelledby="auteur">
      <header className="listing-header">
        <h1 id="auteur">{author.name}</h1>
        <p>{author.bio}</p>
        <p>{articles.length === 1 ? '1 article' : `${articles.length} articles`}</p>
      </header>
      <div className="card-grid">
        {articles.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
    </section>
  );
}
