/**
 * Personas after SWOOP Analytics, from contributions made vs responses received in the period:
 *
 * - observer: took part in conversations only by reacting (no post, no reply);
 * - catalyst: receives much more than gives (received / given ≥ ratio): posts that draw others in;
 * - engager: gives and receives in balance (between 1/ratio and ratio);
 * - responder: gives much more than receives, mostly by replying or reacting to others;
 * - broadcaster: gives much more than receives, mostly by posting.
 *
 * Given = posts + replies + reactions given; received = replies and reactions by others on the
 * person's messages. Persons active only on a wiki get no persona (personas describe conversation).
 */

import type { Recognition } from './result.js';

export const PERSONAS = ['engager', 'catalyst', 'responder', 'broadcaster', 'observer'] as const;
export type Persona = (typeof PERSONAS)[number];

/** What a persona is judged on. */
export interface PersonaInput {
  posts: number;
  replies: number;
  reactionsGiven: number;
  repliesReceived: number;
  reactionsReceived: number;
}

/** The persona of one person, or null without any conversation activity. */
export function personaOf(p: PersonaInput, ratio: number): Persona | null {
  if (p.posts + p.replies === 0) return p.reactionsGiven > 0 ? 'observer' : null;
  const given = p.posts + p.replies + p.reactionsGiven;
  const received = p.repliesReceived + p.reactionsReceived;
  if (received >= ratio * given) return 'catalyst';
  if (received * ratio > given) return 'engager';
  return p.replies + p.reactionsGiven >= p.posts ? 'responder' : 'broadcaster';
}

/**
 * How many persons have each persona, and their share of all persons with one: metrics.json
 * `recognition.personas`, typed by the schema.
 */
export type PersonaSummary = Recognition['personas'];

export function summarizePersonas(personas: readonly (Persona | null)[]): PersonaSummary {
  const counts: Record<Persona, number> = { engager: 0, catalyst: 0, responder: 0, broadcaster: 0, observer: 0 };
  for (const p of personas) if (p !== null) counts[p] += 1;
  const people = PERSONAS.reduce((t, p) => t + counts[p], 0);
  const shares: Record<Persona, number | null> = {
    engager: null,
    catalyst: null,
    responder: null,
    broadcaster: null,
    observer: null,
  };
  for (const p of PERSONAS) shares[p] = people === 0 ? null : counts[p] / people;
  return { people, counts, shares };
}
