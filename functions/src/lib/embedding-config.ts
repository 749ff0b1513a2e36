// How the functions reach the OpenAI embeddings API (skill matching and recommendations).

export const EMBEDDING_MODEL = 'text-embedding-3-small';

export interface EmbeddingConfig {
  apiKey: string;
  /** Overrides the API address (tests point it at a local fake server). */
  baseURL?: string;
  model?: string;
}
