import type { FileFilter } from '../../src-main/api/bridge';
import type { ExportedFile } from '../../src-main/api/types';
import { bridge } from '../api';

interface SaveOutcome {
  saved: boolean;
  /** Where the file went: the path the user chose (desktop) or the download's name (browser). */
  where?: string;
}

const FILTER_NAMES: Record<string, string> = { csv: 'CSV', xlsx: 'Excel workbook', pdf: 'PDF', svg: 'SVG', png: 'PNG', json: 'JSON' };

function filtersFor(fileName: string): FileFilter[] {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return FILTER_NAMES[extension] ? [{ name: FILTER_NAMES[extension]!, extensions: [extension] }] : [];
}

function bytesOf(file: ExportedFile): BlobPart {
  if (file.encoding === 'utf8') return file.data;
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A browser download of our own data: a blob: URL of this origin on a link with `download`, which
 * the link guard lets through (lib/link-guard.ts) and the CSP does not govern (no fetch, no image).
 */
function download(file: ExportedFile): SaveOutcome {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the URL is released a little later for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, where: file.fileName };
}

/** Saves an exported file: the native save dialog in the desktop app, a download in a browser. */
export async function saveExportedFile(file: ExportedFile): Promise<SaveOutcome> {
  const desktop = bridge();
  if (!desktop) return download(file);
  const answer = await desktop.saveFile({
    defaultName: file.fileName,
    data: file.data,
    encoding: file.encoding,
    filters: filtersFor(file.fileName),
  });
  return { saved: answer.saved, where: answer.path };
}

/** A hidden file input, clicked once; resolves with null when the user cancels. */
function pickInBrowser(accept: string): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.dataset.testid = 'file-picker';
    const finish = async () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, text: await file.text() } : null);
    };
    input.addEventListener('change', () => void finish(), { once: true });
    input.addEventListener('cancel', () => void finish(), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the user pick a text file: the native open dialog in the desktop app, a file input in a browser. */
export function pickTextFile(extensions: string[]): Promise<{ name: string; text: string } | null> {
  const desktop = bridge();
  if (desktop) return desktop.openFile(extensions.map((e) => ({ name: FILTER_NAMES[e] ?? e.toUpperCase(), extensions: [e] })));
  return pickInBrowser(extensions.map((e) => `.${e}`).join(','));
}
