/** Loads a local `.env` (dotenv) without overriding real environment variables, and without printing. */
import { config } from 'dotenv';

export function loadEnvFile(path = '.env'): void {
  config({ path, quiet: true });
}
