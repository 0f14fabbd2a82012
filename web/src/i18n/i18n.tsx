import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, fr };
const STORAGE_KEY = 'relpack.language';

/** The browser's first language we have, else English. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? []): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

/** Fills `{name}` placeholders; a missing value stays visible rather than vanishing. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  readonly language: Language;
  /** An explicit choice, or null when following the browser. */
  readonly chosen: Language | null;
  setLanguage(language: Language | null): void;
  readonly t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Language | null>(() => {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'fr' ? stored : null;
  });
  const language = chosen ?? browserLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language | null) => {
    if (next) localStorage.setItem(STORAGE_KEY, next);
    else localStorage.removeItem(STORAGE_KEY);
    setChosen(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[language];
    return { language, chosen, setLanguage, t: (key, vars) => format(catalog[key] ?? key, vars) };
  }, [language, chosen, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
