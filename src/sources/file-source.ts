/** News from a local file: `.json` is the JSON format, anything else the digest text format. */
import { basename, extname } from 'node:path';
import type { News } from '../core/schemas.ts';
import { parseDigestText } from './digest-text.ts';
import { parseNewsJson } from './news-json.ts';
import { readTextFile } from './read-file.ts';
import type { NewsSource } from './source.ts';

export class FileSource implements NewsSource {
  readonly name: string;

  constructor(
    readonly path: string,
    private readonly options: { maxBytes?: number; name?: string } = {},
  ) {
    this.name = options.name ?? basename(path);
  }

  async load(): Promise<News> {
    const text = await readTextFile(this.path, this.options.maxBytes);
    const looksJson = extname(this.path).toLowerCase() === '.json' || /^\uFEFF?\s*\{/.test(text);
    return looksJson ? parseNewsJson(text, this.path) : parseDigestText(text, this.path);
  }
}
