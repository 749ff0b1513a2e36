import { endorsementSentence } from '@skillverse/domain/endorsements';
import type { ExchangeMatch } from '@skillverse/domain/models';

/** "3 people endorsed their Figma" for each skill they teach you that someone endorsed. */
export function endorsementNotes(match: Pick<ExchangeMatch, 'theyOffer' | 'endorsements'>): string[] {
  return match.theyOffer
    .filter((s) => (match.endorsements[s] ?? 0) > 0)
    .sort((a, b) => (match.endorsements[b] ?? 0) - (match.endorsements[a] ?? 0))
    .map((s) => endorsementSentence(s, match.endorsements[s] ?? 0));
}
