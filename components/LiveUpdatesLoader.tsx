'use client';

import dynamic from 'next/dynamic';

/**
 * The live island, loaded by live pages only: Next gives every page of a
 * route the code of each client module the route imports, so the article
 * page imports this instead of components/LiveUpdates.tsx, whose code then
 * comes in its own chunk when a live page renders it.
 */
export const LiveUpdatesLoader = dynamic(() => import('./LiveUpdates').then((module) => module.LiveUpdates));
