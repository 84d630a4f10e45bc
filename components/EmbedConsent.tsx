'use client';

import { useEffect } from 'react';
import { isEmbedProviderId, isFrameOf, type EmbedProviderId } from '@/lib/embeds/frameOrigins';

/** The providers the reader chose to always show, in this browser. */
const STORAGE_KEY = 'kiosque:contenus-externes';

function rememberedProviders(): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set(); // storage refused (private mode, a policy) or garbled: ask every time
  }
}

function remember(provider: EmbedProviderId, always: boolean): void {
  const providers = rememberedProviders();
  if (always) providers.add(provider);
  else providers.delete(provider);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...providers]));
  } catch {
    // Not remembered: the choice holds for this page only.
  }
}

interface Placeholder {
  figure: HTMLElement;
  provider: EmbedProviderId;
  name: string;
  src: string;
  consent: HTMLElement;
  caption: HTMLElement;
}

/** A figure written by remarkEmbeds, if its provider and frame address agree; anything else is left alone. */
function placeholderOf(figure: HTMLElement): Placeholder | undefined {
  const { embedProvider: provider = '', embedName: name = '', embedSrc: src = '' } = figure.dataset;
  const consent = figure.querySelector<HTMLElement>('.embed-consent');
  const caption = figure.querySelector<HTMLElement>('figcaption');
  if (!isEmbedProviderId(provider) || !isFrameOf(provider, src) || !consent || !caption) return undefined;
  return { figure, provider, name, src, consent, caption };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}

function show(placeholder: Placeholder, { focus }: { focus: boolean }): void {
  const { figure, consent, caption, provider, name, src } = placeholder;
  if (!figure.querySelector('iframe')) {
    const frame = element('iframe', {
      src,
      title: `Contenu ${name}`,
      allow: 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture',
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    frame.allowFullscreen = true;
    // What the players need and no more: no top navigation, no downloads, no modal dialogs over the page.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation');
    figure.insertBefore(frame, caption);
    if (focus) frame.focus();
  }
  consent.hidden = true;
  caption.querySelector('.embed-forget')?.remove();
  if (rememberedProviders().has(provider)) {
    caption.append(
      ' ',
      element('button', {
        type: 'button',
        className: 'embed-forget',
        textContent: `Ne plus afficher automatiquement les contenus ${name}`,
        onclick: () => forget(provider),
      }),
    );
  }
}

function hide(placeholder: Placeholder): void {
  placeholder.figure.querySelector('iframe')?.remove();
  placeholder.caption.querySelector('.embed-forget')?.remove();
  placeholder.consent.hidden = false;
}

let placeholders: Placeholder[] = [];

/** Withdraws the choice: every frame of that provider goes, each placeholder is back, and the reader is on its button. */
function forget(provider: EmbedProviderId): void {
  remember(provider, false);
  const ofProvider = placeholders.filter((placeholder) => placeholder.provider === provider);
  for (const placeholder of ofProvider) hide(placeholder);
  ofProvider[0]?.consent.querySelector<HTMLButtonElement>('.embed-show')?.focus();
}

/** The button and the « always » box under a placeholder's text. */
function addControls(placeholder: Placeholder): void {
  const { consent, provider, name } = placeholder;
  const always = element('input', { type: 'checkbox', className: 'embed-always' });
  const button = element('button', { type: 'button', className: 'embed-show', textContent: `Afficher le contenu (${name})` });
  button.addEventListener('click', () => {
    if (always.checked) {
      remember(provider, true);
      for (const other of placeholders) if (other.provider === provider && other !== placeholder) show(other, { focus: false });
    }
    show(placeholder, { focus: true });
  });
  consent.append(element('p', { className: 'embed-actions' }, button, ' ', element('label', {}, always, ` Toujours afficher les contenus ${name}`)));
}

/**
 * The consent island of a page with embeds (loaded only there): adds the
 * button « Afficher le contenu (YouTube) » to each placeholder remarkEmbeds
 * wrote, loads the frame when it is pressed, and remembers « always » per
 * provider in this browser, with a button on each frame shown that way to
 * withdraw it. Until then the page asks nothing of any provider.
 */
export function EmbedConsent() {
  useEffect(() => {
    const enhance = () => {
      const known = new Set(placeholders.map((placeholder) => placeholder.figure));
      const found = [...document.querySelectorAll<HTMLElement>('figure.embed')]
        .filter((figure) => !known.has(figure))
        .flatMap((figure) => placeholderOf(figure) ?? []);
      const remembered = rememberedProviders();
      for (const placeholder of found) {
        addControls(placeholder);
        if (remembered.has(placeholder.provider)) show(placeholder, { focus: false });
      }
      // Those whose figure left the page (a live article rendered again) are forgotten.
      placeholders = [...placeholders.filter((placeholder) => placeholder.figure.isConnected), ...found];
    };
    enhance();
    // A live article's entries arrive after the page: their placeholders get their controls as they come.
    const live = document.querySelector('.live-coverage');
    const observer = live ? new MutationObserver(enhance) : undefined;
    if (live) observer?.observe(live, { childList: true, subtree: true });
    return () => {
      observer?.disconnect();
      for (const placeholder of placeholders) {
        hide(placeholder);
        placeholder.consent.querySelector('.embed-actions')?.remove();
      }
      placeholders = [];
    };
  }, []);
  return null;
}
