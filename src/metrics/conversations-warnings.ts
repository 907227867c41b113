import type { Conversations } from './types.js';

/** Why conversation figures are null: no thread started, or none answered. */
export function conversationWarnings(conversations: Conversations): string[] {
  const warnings: string[] = [];
  if (conversations.threads === 0) {
    warnings.push('conversations answeredRate, repliesPerThread: null: no thread started in the period');
  }
  if (conversations.answered === 0) {
    warnings.push('conversations medianHoursToFirstResponse, p90HoursToFirstResponse: null: no answered thread');
  }
  return warnings;
}
