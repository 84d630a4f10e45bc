import type { Definition, Link, Paragraph, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { EmbedProviderId } from '../../../embeds/frameOrigins';
import { readEmbedUrl, type Embed } from '../../../embeds/providers';
import { definitionsOf } from './definitions';
import { reportProblem } from './reportProblem';

/**
 * A provider's content waiting for the reader's consent: `<figure
 * class="embed embed-video" data-embed-provider data-embed-name
 * data-embed-src>` with what it is and a link to the original; the consent
 * island (components/EmbedConsent.tsx) adds the button that loads the frame.
 */
export interface EmbedNode extends Parent {
  type: 'embed';
  children: Array<EmbedConsentNode | Paragraph>;
}

/** The placeholder's text, replaced by the frame once the reader asks for it. */
export interface EmbedConsentNode extends Parent {
  type: 'embedConsent';
  children: Paragraph[];
}

declare module 'mdast' {
  interface RootContentMap {
    embed: EmbedNode;
    embedConsent: EmbedConsentNode;
  }
  interface BlockContentMap {
    embed: EmbedNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The providers the body shows content from, each once, in the order of the text. */
    embeds: EmbedProviderId[];
    /** Set to false before parsing a text whose page has no consent island (a dossier's introduction): every address stays a link. */
    embedsShown: boolean;
  }
}

const BARE_ADDRESS = /^https?:\/\/\S+$/;

/**
 * The address a paragraph is made of when it is written bare, alone on its
 * line (`https://…`): this step makes it a link (or an embed), so the
 * editors' link check (findLinks.ts) takes it as one too.
 */
export function bareAddressOf(paragraph: Paragraph): string | undefined {
  const [only] = paragraph.children;
  if (paragraph.children.length !== 1 || only?.type !== 'text') return undefined;
  const written = only.value.trim();
  return BARE_ADDRESS.test(written) ? written : undefined;
}

/**
 * The address a paragraph is made of, alone on its line: written bare
 * (`https://youtu.be/…`), between angle brackets (`<https://…>`, which
 * Markdown already makes a link), or as a link whose text is its address,
 * inline or as a reference (`[https://…][ref]`), which is the same link;
 * undefined for anything else, such as a link with its own text or an
 * address inside a sentence.
 */
function aloneAddress(paragraph: Paragraph, definitions: () => ReadonlyMap<string, Definition>): string | undefined {
  if (paragraph.children.length !== 1) return undefined;
  const [only] = paragraph.children;
  if (only?.type === 'text') return bareAddressOf(paragraph);
  const url = only?.type === 'link' ? only.url : only?.type === 'linkReference' ? definitions().get(only.identifier)?.url : undefined;
  if (only && url !== undefined && toString(only) === url && BARE_ADDRESS.test(url)) return url;
  return undefined;
}

/**
 * The embed a paragraph of the body's top level becomes when embeds are
 * shown: a provider's content address alone on its line; undefined for any
 * other paragraph.
 */
export function embedOf(paragraph: Paragraph, definitions: () => ReadonlyMap<string, Definition>): Embed | undefined {
  const address = aloneAddress(paragraph, definitions);
  const reading = address === undefined ? undefined : readEmbedUrl(address);
  return reading?.ok ? reading.embed : undefined;
}

/**
 * The tree's link definitions, looked up on first need: only a paragraph that
 * is a single reference link needs them, and most bodies have none.
 */
export function lazyDefinitions(tree: Root): () => ReadonlyMap<string, Definition> {
  let found: ReadonlyMap<string, Definition> | undefined;
  return () => (found ??= definitionsOf(tree));
}

function linkTo(address: string): Link {
  return { type: 'link', url: address, children: [{ type: 'text', value: address }] };
}

function embedNode(embed: Embed, paragraph: Paragraph): EmbedNode {
  const consent: EmbedConsentNode = {
    type: 'embedConsent',
    data: { hName: 'div', hProperties: { className: ['embed-consent'] } },
    children: [
      { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: embed.name }] }, { type: 'text', value: ' : contenu externe' }] },
      {
        type: 'paragraph',
        children: [{ type: 'text', value: `Il ne s’affiche qu’à votre demande : le charger transmet des données à ${embed.name}, qui peut déposer des cookies.` }],
      },
    ],
  };
  const original: Paragraph = {
    type: 'paragraph',
    data: { hName: 'figcaption' },
    children: [{ type: 'link', url: embed.url, children: [{ type: 'text', value: `Voir le contenu sur ${embed.name}` }] }],
  };
  return {
    type: 'embed',
    position: paragraph.position,
    data: {
      hName: 'figure',
      hProperties: { className: ['embed', `embed-${embed.shape}`], dataEmbedProvider: embed.provider, dataEmbedName: embed.name, dataEmbedSrc: embed.frameSrc },
    },
    children: [consent, original],
  };
}

/**
 * An address alone on its line. A provider's (YouTube, Dailymotion, Vimeo,
 * X, Instagram, TikTok, Bluesky, Spotify, SoundCloud: lib/embeds/providers.ts)
 * becomes an embed waiting for consent, at the top level of the body only;
 * any other stays a link (made one when written bare). A provider's address
 * that shows nothing (a channel, a profile) stays a link, with a warning; so
 * does every provider's address where the page cannot show it (`embedsShown`).
 */
export const remarkEmbeds: Plugin<[], Root> = function () {
  return (tree, file) => {
    const providers = new Set<EmbedProviderId>();
    const definitions = lazyDefinitions(tree);
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const address = aloneAddress(paragraph, definitions);
      if (address === undefined) return;
      const reading = readEmbedUrl(address);
      if (reading?.ok && parent?.type === 'root' && index !== undefined) {
        if (file.data.embedsShown !== false) {
          parent.children[index] = embedNode(reading.embed, paragraph);
          providers.add(reading.embed.provider);
          return SKIP;
        }
        reportProblem(file, paragraph, {
          message: `contenu ${reading.embed.name} non affiché ici : « ${address} » reste un simple lien`,
          hint: `les vidéos et publications ne s’affichent que dans le texte d’un article ; ici, donnez au lien son propre texte : [la vidéo](${address})`,
          fatal: false,
        });
      }
      if (reading && !reading.ok) {
        reportProblem(file, paragraph, {
          message: `adresse ${reading.name} qui ne montre aucun contenu : « ${address} » reste un simple lien`,
          hint: `pour montrer une vidéo ou une publication, collez son adresse à elle, seule sur sa ligne (${reading.expected})`,
          fatal: false,
        });
      }
      if (paragraph.children[0]?.type === 'text') paragraph.children = [linkTo(address)];
      return SKIP;
    });
    file.data.embeds = [...providers];
  };
};
