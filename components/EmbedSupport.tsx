import type { EmbedProviderId } from '@/lib/embeds/frameOrigins';
import { embedFramePolicy } from '@/lib/securityHeaders';
import { EmbedConsentLoader } from './EmbedConsentLoader';

/**
 * What an article's embeds need from its page: the frames of exactly their
 * providers allowed (none for an article without), in a `<meta>` React puts
 * in the head, and the consent island, only when there are embeds.
 */
export function EmbedSupport({ providers }: { providers: readonly EmbedProviderId[] }) {
  return (
    <>
      <meta httpEquiv="Content-Security-Policy" content={embedFramePolicy(providers)} />
      {providers.length > 0 && <EmbedConsentLoader />}
    </>
  );
}
