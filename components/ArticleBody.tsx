/** The article text. The HTML was sanitized when the Markdown was rendered (lib/content/markdown). */
export function ArticleBody({ html }: { html: string }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
