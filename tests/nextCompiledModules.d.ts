// The router's own matcher, which Next ships untyped: the tests check route
// patterns with the very code Next matches them with.
declare module 'next/dist/compiled/path-to-regexp' {
  export function pathToRegexp(path: string): RegExp;
}
