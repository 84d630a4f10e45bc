import { startOfMinute } from 'date-fns';
import { formatIsoInSiteTimeZone } from '../../dates/formatDate';
import { slugifyTitle } from '../../slugify';
import { PLACEHOLDER } from '../parsing/editorFacts';
import { articleFrontMatterSchema, ARTICLE_TYPES } from '../parsing/frontMatterSchema';

/**
 * Written wherever the editor still has text to write; `content:check` flags it
 * (a warning in a draft, an error once published).
 */
export { PLACEHOLDER };

/** An author slug no file has, so the content check names the line to fix. */
export const PLACEHOLDER_AUTHOR = 'auteur-a-choisir';

/** Not in content/images/: the loader refuses the article until a real photo is chosen. */
export const PLACEHOLDER_IMAGE = '/images/a-remplacer.jpg';

export type Scaffold = { ok: true; slug: string; text: string } | { ok: false; message: string; hint: string };

/**
 * A new article file with every front-matter field written out or commented,
 * and the body conventions recalled in comments. It is a draft, so nothing
 * goes live until an editor says so.
 */
export function scaffoldArticle({ title, now, author }: { title: string; now: Date; author?: string }): Scaffold {
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  const problem = titleProblem(cleanTitle);
  if (problem) return { ok: false, ...problem };
  return { ok: true, slug: slugifyTitle(cleanTitle), text: articleText(cleanTitle, now, author) };
}

function titleProblem(title: string): { message: string; hint: string } | undefined {
  const example = 'npm run new -- "Titre de l’article"';
  if (title === '') return { message: 'titre manquant', hint: `donnez le titre entre guillemets : ${example}` };
  const maximum = articleFrontMatterSchema.shape.title.maxLength ?? Infinity;
  if (title.length > maximum) return { message: `titre trop long (${maximum} caractères au plus)`, hint: 'raccourcissez-le' };
  if (slugifyTitle(title) === '') {
    return {
      message: `le titre « ${title} » ne donne pas d’adresse : il n’a ni lettre latine ni chiffre`,
      hint: 'ajoutez au moins un mot en lettres latines',
    };
  }
  return undefined;
}

function articleText(title: string, now: Date, author = PLACEHOLDER_AUTHOR): string {
  // JSON's string syntax is a valid YAML double-quoted scalar, whatever the title holds.
  const quoted = (text: string) => JSON.stringify(text);
  return `---
title: ${quoted(title)}
# Le chapô : une ou deux phrases qui résument l’article, sous le titre et dans les listes.
description: ${quoted(`${PLACEHOLDER} : une ou deux phrases qui résument l’article.`)}
# Date et heure de publication, heure de Paris avec son décalage ; mettez-la à jour en publiant.
publishedAt: ${formatIsoInSiteTimeZone(startOfMinute(now))}
# Après une mise à jour, pour afficher « Mis à jour le … » :
# updatedAt: ${formatIsoInSiteTimeZone(startOfMinute(now))}
# Le nom d’un fichier de content/authors/, sans .md ; à plusieurs : authors: [un-auteur, une-autre] à la place.
author: ${author}
# La rubrique, par exemple Actualité ; elle a sa page /rubrique/<nom>.
category: ${quoted(PLACEHOLDER)}
# Les sujets, par exemple [Meta, IA] ; chacun a sa page /tag/<nom>.
tags: []
# Une étiquette au-dessus du titre, au choix : ${ARTICLE_TYPES.join(', ')}.
# type: ${ARTICLE_TYPES[0]}
image:
  # La photo : déposez-la dans content/images/ (sous-dossiers permis) et écrivez /images/<nom>.
  # JPEG, PNG, WebP ou AVIF, 1 200 pixels de large au moins ; sa taille est lue dans le fichier.
  src: ${PLACEHOLDER_IMAGE}
  alt: ${quoted(`${PLACEHOLDER} : ce que montre l’image, pour qui ne la voit pas`)}
  credit: ${quoted(`© ${PLACEHOLDER}`)}
  caption: ${quoted(`${PLACEHOLDER} : une légende, ou supprimez cette ligne`)}
  # Le point à garder dans chaque recadrage (listes, partage), depuis la gauche puis le haut :
  # focus: 50% 30%
# Brouillon : l’article n’apparaît nulle part sur le site. Passez à false pour le publier.
draft: true
# Si le fichier est renommé, gardez ici ses anciens noms : leurs adresses mèneront ici.
# redirectFrom: [ancien-nom-du-fichier]
#
# Le texte s’écrit en Markdown sous la ligne « --- » qui suit.
# Citation : un bloc « > » dont le dernier paragraphe commence par un tiret cadratin ;
# avant la première virgule, la personne, après, où elle l’a dit :
#   > Ce que la personne a dit.
#   >
#   > — Personne, source
# Image : le texte entre guillemets est obligatoire ; à partir de « © », c’est le crédit,
# avant, la légende ; le fichier doit être dans content/images/ :
#   ![Ce que montre l’image](/images/x.jpg "Légende © Crédit")
# Galerie : plusieurs images sur des lignes qui se suivent, sans ligne vide entre elles.
# Point de cadrage d’une image de galerie : ![…](/images/x.jpg "© Crédit"){focus=30% 40%}
# Intertitre : une ligne qui commence par « ## ».
---

${PLACEHOLDER} : le texte de l’article.
`;
}
