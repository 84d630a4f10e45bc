import { ALL_EMBED_PROVIDERS, type EmbedProviderId } from '@/lib/embeds/frameOrigins';
import { embedFramePolicy } from '@/lib/securityHeaders';
import { EmbedConsentLoader } from './EmbedConsentLoader';

/**
 * What an article's embeds need from its page: the frames of exactly their
 * providers allowed (none for an article without), in a `<meta>` React puts
 * in the head, and the consent island, only when there are embeds. A live
 * article, while its coverage is on, allows every provider's frames and
 * loads the island: an entry still to come may bring any of them, and a
 * policy in a `<meta>` can never be widened once the page has read it.
 */
export function EmbedSupport({ providers, live = false }: { providers: readonly EmbedProviderId[]; live?: boolean }) {
  return (
    <>
      <meta httpEquiv="Content-Security-Policy" content={embedFramePolicy(live ? ALL_EMBED_PROVIDERS : providers)} />
      {(live || providers.length > 0) && <EmbedConsentLoader />}
    </>
  );
}
