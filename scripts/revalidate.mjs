// `npm run --silent revalidate -- [SITE_URL]`: asks the site (any replica, or the
// proxy) to rebuild every page from the content folder now, and prints the path
// patterns a cache in front must purge, one a line, for deploy/nginx/purge-cache.sh:
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
if (!response.ok || !Array.isArray(answer.paths)) {
  console.error(`[kiosque] revalidation refusée par ${siteUrl} (${response.status}) : ${answer.error ?? 'réponse inattendue'}`);
  process.exit(1);
}
console.log(answer.paths.join('\n'));
