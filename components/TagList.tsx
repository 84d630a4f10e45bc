import Link from 'next/link';
import { tagPath } from '@/lib/routes';

/** The subjects an article is about, each a link to its tag page. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <section className="tags" aria-labelledby="sujets">
      <h2 id="sujets">Sujets</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag}>
            <Link href={tagPath(tag)}>{tag}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
