export interface ShareLink {
  network: 'X' | 'Facebook' | 'LinkedIn' | 'WhatsApp' | 'E-mail';
  href: string;
}

/** Share URLs of each network for a canonical article URL, all usable without JavaScript. */
export function buildShareLinks(url: string, title: string): ShareLink[] {
  const encodedUrl = encodeURIComponent(url);
  return [
    { network: 'X', href: `https://x.com/intent/post?url=${encodedUrl}&text=${encodeURIComponent(title)}` },
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}` },
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}` },
    { network: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { network: 'E-mail', href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
  ];
}
