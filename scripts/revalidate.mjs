// `npm run --silent revalidate -- [SITE_URL]`: asks the site (any replica, or the
// proxy) to rebuild what changed in the content folder since its last
// revalidation, and prints what a cache in front must purge, one a line (cache
// tags, or path patterns when the site revalidated everything), for
// deploy/nginx/purge-cache.sh:
//
//   npm run --silent revalidate -- http://localhost:8080 | docker compose exec -T proxy purge-cache.sh /var/cache/nginx/kiosque
//
// The secret is REVALIDATE_SECRET, from the environment.
const siteUrl = process.argv[2] ?? process.env.SITE_URL ?? 'http://127.0.0.1:3000';
const secret = process.env.REVALIDATE_SECRET;
if (!secret) {
  console.error('[kiosque] REVALIDATE_SECRET est vide : donnez le secret de revalidation du site');
  process.exit(2);
}
let response;
try {
  response = await fetch(new URL('/api/revalidate', siteUrl), { method: 'POST', headers: { Authorization: `Bearer ${secret}` } });
} catch (error) {
  console.error(`[kiosque] ${siteUrl} ne répond pas : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const answer = await response.json().catch(() => ({}));
if (!response.ok || !Array.isArray(answer.paths) || !Array.isArray(answer.tags)) {
  console.error(`[kiosque] revalidation refusée par ${siteUrl} (${response.status}) : ${answer.error ?? 'réponse inattendue'}`);
  process.exit(1);
}
const purge = [...answer.paths, ...answer.tags];
if (purge.length > 0) console.log(purge.join('\n'));
