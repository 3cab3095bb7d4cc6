/** Builds the categorizer for a loaded taxonomy from a model file (default: the committed model). */
import { type Categorizer, createCategorizer } from './categorizer.ts';
import { loadCategorizerModel } from './categorizer-model.ts';
import type { Taxonomy } from './taxonomy.ts';

export type { Categorization, Categorizer } from './categorizer.ts';

export function loadCategorizer(taxonomy: Taxonomy, modelPath?: string | URL): Categorizer {
  return createCategorizer(taxonomy, { model: loadCategorizerModel(modelPath) });
}
