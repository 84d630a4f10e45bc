/** A plain GET form: search works with JavaScript off. */
export function SearchForm({ query = '', id }: { query?: string; id: string }) {
  return (
    <form className="search-form" action="/recherche" method="get" role="search" aria-label="Rechercher un article">
      <label htmlFor={id} className="visually-hidden">
        Rechercher
      </label>
      <input id={id} name="q" type="search" defaultValue={query} placeholder="Rechercher…" maxLength={200} autoComplete="off" />
      <button type="submit">Rechercher</button>
    </form>
  );
}
