import Link from 'next/link';
import type { Article } from '@/lib/content/article';
import { articlePath, sectionPath, tagPath } from '@/lib/routes';

/** "Plus d’articles sur": the article's section and tags as links, then related articles. */
export function RelatedArticles({ article, related }: { article: Article; related: readonly Article[] }) {
  return (
    <section className="related" aria-labelledby="plus-d-articles">
      <h2 id="plus-d-articles">Plus d’articles sur</h2>
      <ul className="related-topics">
        <li>
          <Link href={sectionPath(article.category)}>{article.category}</Link>
        </li>
        {article.tags.map((tag) => (
          <li key={tag}>
            <Link href={tagPath(tag)}>{tag}</Link>
          </li>
        ))}
      </ul>
      {related.length > 0 && (
        <ul className="related-articles">
          {related.map((other) => (
            <li key={other.slug}>
              <p className="category">{other.category}</p>
              <Link href={articlePath(other.slug)}>{other.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
