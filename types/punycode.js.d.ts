// punycode.js ships no type declarations; these are the two functions Send Guard uses.
declare module "punycode.js" {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
}
