/** The report languages: Chinese for ministry staff, English for reviewers. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Text in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Thrown for a language code other than zh or en; its message says what is accepted. */
export class UnknownLangError extends Error {
  constructor(readonly got: string) {
    super(`unknown language "${got}": expected one of ${LANGS.join(', ')}`);
    this.name = 'UnknownLangError';
  }
}

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/** Checks a language code from the command line or a notebook. */
export function parseLang(s: string): Lang {
  if (!isLang(s)) throw new UnknownLangError(s);
  return s;
}

/** Picks one language of a bilingual text. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
