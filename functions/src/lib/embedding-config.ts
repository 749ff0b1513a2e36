// How the functions reach the OpenAI embeddings API (skill matching and recommendations).
import type OpenAI from 'openai';
import { lazyModule } from './lazy-module';

/** The OpenAI SDK, loaded by the first function that uses it (lazy-module.ts says why). */
const openAiSdk = lazyModule(() => require('openai') as typeof import('openai'));

export const EMBEDDING_MODEL = 'text-embedding-3-small';

export interface EmbeddingConfig {
  apiKey: string;
  /** Overrides the API address (tests point it at a local fake server). */
  baseURL?: string;
  model?: string;
}

/** One embeddings request for `input` (throws when the API fails); each item's `index` is its input's. */
export async function requestEmbeddings(config: EmbeddingConfig, model: string, input: string[]) {
  const client: OpenAI = new (openAiSdk().OpenAI)({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries: 1,
    timeout: 20_000,
  });
  const response = await client.embeddings.create({ model, input, encoding_format: 'float' });
  return response.data;
}
