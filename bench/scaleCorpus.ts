import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { liveHeadingTime } from '../scripts/fixtureCorpus/parisClock';

/**
 * A corpus of `count` articles for the bench: the fixture corpus's published
 * articles cloned under new slugs, one hour apart going back from a fixed
 * instant, so every listing, tag and feed grows as a real archive would.
 */
export async function scaleCorpus(sourceDir: string, targetDir: string, count: number): Promise<void> {
  await rm(targetDir, { recursive: true, force: true });
  await mkdir(path.join(targetDir, 'articles'), { recursive: true });
  await mkdir(path.join(targetDir, 'authors'), { recursive: true });
  for (const author of await readdir(path.join(sourceDir, 'authors'))) {
    await copyFile(path.join(sourceDir, 'authors', author), path.join(targetDir, 'authors', author));
  }
  await cp(path.join(sourceDir, 'images'), path.join(targetDir, 'images'), { recursive: true });
  // The dossiers the cloned articles name.
  await cp(path.join(sourceDir, 'dossiers'), path.join(targetDir, 'dossiers'), { recursive: true });
  const sources: { slug: string; text: string }[] = [];
  for (const file of (await readdir(path.join(sourceDir, 'articles'))).sort()) {
    const text = await readFile(path.join(sourceDir, 'articles', file), 'utf8');
    if (!/^draft: true$/m.test(text) && !/^redirectFrom:/m.test(text)) sources.push({ slug: path.basename(file, '.md'), text });
  }
  const newest = Date.parse('2026-01-01T12:00:00Z');
  const writes: Promise<void>[] = [];
  for (let index = 0; index < count; index += 1) {
    const source = sources[index % sources.length];
    if (!source) throw new Error('empty source corpus');
    const slug = `${source.slug}-${index}`;
    const publishedMs = newest - index * 3_600_000;
    const published = new Date(publishedMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    let corrected = 0;
    let entry = 0;
    const text = source.text
      .replace(/^publishedAt: .*$/m, `publishedAt: ${published}`)
      // A correction follows its article's new date (an hour after it, then two…); only in the front matter.
      .replace(/^---\n[\s\S]*?\n---\n/, (frontMatter) =>
        frontMatter.replace(
          /^ {2}- date: .*$/gm,
          () => `  - date: ${new Date(publishedMs + (corrected += 1) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00')}`,
        ),
      )
      .replace(/^updatedAt: .*\n/m, '')
      // A live article's entries follow its new date too: ten minutes apart, in Paris time, date written.
      .replace(/^## (?:\d{4}-\d{2}-\d{2} )?\d{1,2}[:h]\d{2} /gm, (heading) =>
        /^live: true$/m.test(source.text) ? `## ${liveHeadingTime(publishedMs + (entry += 1) * 600_000)} ` : heading,
      )
      .replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title} (${index})"`);
    writes.push(writeFile(path.join(targetDir, 'articles', `${slug}.md`), text));
    // Bounded batches: thousands of open files at once would hit the descriptor limit.
    if (writes.length >= 200) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
