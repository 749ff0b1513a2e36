// How the functions reach the OpenAI embeddings API (skill matching and recommendations).
import OpenAI from 'openai';

export const EMBEDDING_MODEL = 'text-embedding-3-small';

export interface EmbeddingConfig {
  apiKey: string;
  /** Overrides the API address (tests point it at a local fake server). */
  baseURL?: string;
  model?: string;
}

/** One embeddings request for `input` (throws when the API fails); each item's `index` is its input's. */
export async function requestEmbeddings(config: EmbeddingConfig, model: string, input: string[]) {
  const client = new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries: 1,
    timeout: 20_000,
  });
  const response = await client.embeddings.create({ model, input, encoding_format: 'float' });
  return response.data;
}
