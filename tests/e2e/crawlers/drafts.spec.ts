import { expect, test } from '@playwright/test';
import { siteFacts, slugOf } from './contentFacts';

const OUTPUTS = ['/', '/sitemap.xml', '/news-sitemap.xml', '/rss.xml', '/atom.xml', '/feed.json'];

test('a draft is in no page, sitemap or feed, and its own URLs answer 404', async ({ request }) => {
  const drafts = siteFacts().articles.filter((article) => article.draft);
  test.skip(drafts.length === 0, 'this content has no draft');
  for (const draft of drafts) {
    for (const path of [
      ...OUTPUTS,
      `/rubrique/${slugOf(draft.category)}`,
      `/rubrique/${slugOf(draft.category)}/rss.xml`,
      `/auteur/${draft.author}/feed.json`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text(), path).not.toContain(draft.slug);
    }
    for (const path of [`/article/${draft.slug}`, `/og/article/${draft.slug}.png`, `/article/${draft.slug}/image/16x9.jpg`]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    const search = await request.get(`/recherche?q=${encodeURIComponent(draft.title.split(' ').slice(-3).join(' '))}`);
    expect(await search.text()).not.toContain(draft.slug);
  }
});
