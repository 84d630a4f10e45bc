/** Facts about the site that pages share. */
export const SITE_NAME = 'kiosque';
export const SITE_DESCRIPTION = 'L’actualité, la culture et la tech, en français.';
