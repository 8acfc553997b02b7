import { useLocale } from 'next-intl';
import { platformName } from '@/lib/platforms';

/** A platform's name in the current UI language (server and client components); names live in lib/platforms.ts. */
export function usePlatformName(): (code: string) => string {
  const locale = useLocale();
  return (code) => platformName(code, locale);
}
