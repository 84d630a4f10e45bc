/** A plain GET form: search works with JavaScript off. `label` names the landmark (one per page must differ). */
export function SearchForm({ query = '', id, label }: { query?: string; id: string; label: string }) {
  return (
    <form className="search-form" action="/recherche" method="get" role="search" aria-label={label}>
      <label htmlFor={id} className="visually-hidden">
        Rechercher
      </label>
      <input id={id} name="q" type="search" defaultValue={query} placeholder="Rechercher…" maxLength={200} autoComplete="off" />
      <button type="submit">Rechercher</button>
    </form>
  );
}
