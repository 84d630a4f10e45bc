'use client';

import dynamic from 'next/dynamic';

/** The consent island, whose code only pages with embeds load (components/LiveUpdatesLoader.tsx says why it takes a loader). */
export const EmbedConsentLoader = dynamic(() => import('./EmbedConsent').then((module) => module.EmbedConsent));
