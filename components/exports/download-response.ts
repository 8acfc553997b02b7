/** The UTF-8 file name of a Content-Disposition header (filename*=UTF-8''…), else its ASCII one. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/**
 * Saves a file response through the browser's download (an object URL on a temporary link), so the page knows when
 * the file arrived; an error response gives its localized message instead.
 */
export async function downloadResponse(
  response: Response,
): Promise<{ ok: true; filename: string } | { ok: false; message: string }> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: body?.error?.message ?? response.statusText };
  }
  const filename = dispositionFilename(response.headers.get('content-disposition')) ?? 'export';
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked a little later: some browsers start reading the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { ok: true, filename };
}
