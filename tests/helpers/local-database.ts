const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Tests create and drop databases: refuse anything that is not on this machine. */
export function assertLocalDatabaseUrl(url: string): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to run tests against non-local database host "${parsed.hostname}"`);
  }
  return parsed;
}

export function adminDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  assertLocalDatabaseUrl(url);
  return url;
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
