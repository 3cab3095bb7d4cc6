/** The bundled sample digest: fictional news so anyone can try Briefer with no setup. */
import { fileURLToPath } from 'node:url';
import { FileSource } from './file-source.ts';

export const SAMPLE_DIGEST_PATH = fileURLToPath(new URL('../../data/sample-digest.txt', import.meta.url));

export function sampleSource(): FileSource {
  return new FileSource(SAMPLE_DIGEST_PATH, { name: 'sample news (fictional)' });
}
