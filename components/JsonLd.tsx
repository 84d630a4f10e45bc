import type { Graph } from 'schema-dts';
import { serializeJsonLd } from '@/lib/seo/jsonLd';

/** Structured data for crawlers; the serializer escapes `<`, so content cannot close the script. */
export function JsonLd({ data }: { data: Graph }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
