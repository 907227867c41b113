/**
 * The people of the fictional company: the hand-written Aurora roster (60 people, six departments,
 * Unicode names) for the sample pilot, and a synthetic roster of any size for benchmark exports.
 */
import { DEPARTMENTS, type Department, type Person } from './model.js';
import type { Rng } from './prng.js';

/** The e-mail domain of the fictional company. */
export const EMAIL_DOMAIN = 'aurora.example';

interface RosterRow {
  name: string;
  /** Set when the name does not fold to ASCII (Cyrillic, Chinese). */
  email?: string;
  title: string;
  slack?: boolean;
  yammer?: boolean;
  wiki?: string;
  role?: 'moderator' | 'sponsor';
  since?: string;
  /** Reads but never posts (members with no contribution, for the lurker share). */
  lurker?: boolean;
}

const ROSTER: Record<Department, readonly RosterRow[]> = {
  Sales: [
    { name: 'Ana Ruiz', title: 'Account Executive', slack: true, wiki: 'AnaR' },
    { name: 'Tom Becker', title: 'Sales Manager', slack: true, wiki: 'TBecker' },
    { name: 'Zoë Łukasz', title: 'Sales Engineer', wiki: 'Zoe.L' },
    { name: 'Lukas Meyer', title: 'Account Executive' },
    { name: 'Sophie Laurent', title: 'Inside Sales' },
    { name: 'Daniel Okoro', title: 'Account Executive' },
    { name: 'Mia Johansson', title: 'Sales Analyst' },
    { name: 'Rafael Costa', title: 'Partner Manager' },
    { name: 'Hannah Fischer', title: 'Inside Sales' },
    { name: 'Oliver Grant', title: 'Regional Director' },
  ],
  Engineering: [
    { name: '王伟', email: 'wang.wei', title: 'Staff Engineer', slack: true, wiki: 'WangWei' },
    { name: 'Marcus Lindqvist', title: 'Engineering Manager', slack: true, wiki: 'MLindqvist', role: 'moderator' },
    { name: 'Priyanka Shah', title: 'Software Engineer', slack: true },
    { name: 'Jonas Weber', title: 'Software Engineer', slack: true },
    { name: 'Ærin Söderberg', title: 'Site Reliability Engineer', slack: true, wiki: 'Aerin.S' },
    { name: 'Tomasz Nowak', title: 'QA Engineer', slack: true },
    { name: 'Emily Chen', title: 'Product Designer', slack: true },
    { name: 'Kenji Watanabe', title: 'Software Engineer', slack: true, yammer: false },
    { name: 'Sara Rossi', title: 'Data Engineer', slack: true, yammer: false },
    { name: 'Felix Braun', title: 'Software Engineer', slack: true, yammer: false },
  ],
  Operations: [
    {
      name: 'Олена Коваленко',
      email: 'olena.kovalenko',
      title: 'Operations Lead',
      slack: true,
      wiki: 'OKovalenko',
      role: 'moderator',
      since: '2026-03-01',
    },
    { name: 'Pierre Martin', title: 'Logistics Planner', slack: true, wiki: 'PMartin' },
    { name: 'Ayşe Yılmaz', title: 'Warehouse Supervisor' },
    { name: 'Björn Ångström', title: 'Fleet Coordinator' },
    { name: 'Grace Mensah', title: 'Procurement Specialist' },
    { name: 'Luis Herrera', title: 'Shift Lead' },
    { name: 'Nina Petrova', title: 'Quality Manager' },
    { name: 'Ahmed Hassan', title: 'Logistics Planner' },
    { name: 'Claire Dubois', title: 'Facilities Manager' },
    { name: 'Peter Novak', title: 'Shift Lead', lurker: true },
  ],
  Finance: [
    { name: 'Helen Carter', title: 'Chief Financial Officer', role: 'sponsor' },
    { name: 'Michael Brown', title: 'Controller', slack: true },
    { name: 'Søren Madsen', title: 'Financial Analyst' },
    { name: 'Laura Bianchi', title: 'Accountant', wiki: 'LBianchi' },
    { name: 'David Kim', title: 'Payroll Specialist' },
    { name: 'Fatima Zahra', title: 'Accounts Payable' },
    { name: 'Julia Wagner', title: 'Tax Manager' },
    { name: 'Robert Evans', title: 'Financial Analyst', lurker: true },
    { name: 'Chloé Moreau', title: 'Treasury Analyst' },
    { name: 'Ivan Horvat', title: 'Accountant', lurker: true },
  ],
  HR: [
    { name: 'Sarah Thompson', title: 'HR Business Partner', slack: true, wiki: 'SThompson' },
    { name: 'Małgorzata Wiśniewska', title: 'Recruiter' },
    { name: 'James Walker', title: 'Learning Manager' },
    { name: 'Amara Nwosu', title: 'Recruiter' },
    { name: 'Eva Novotná', title: 'HR Generalist' },
    { name: 'Lucas Silva', title: 'Compensation Analyst' },
    { name: 'Ingrid Berg', title: 'HR Director' },
    { name: 'Omar Farouk', title: 'HR Generalist', lurker: true },
    { name: 'Lena Vogel', title: 'People Analytics', lurker: true },
    { name: 'Kate Murphy', title: 'Office Manager' },
  ],
  'Customer Success': [
    {
      name: 'Priya Raghunathan',
      title: 'Customer Success Lead',
      slack: true,
      wiki: 'PriyaR',
      role: 'moderator',
      since: '2026-05-01',
    },
    { name: 'José Núñez', title: 'Support Engineer', slack: true, wiki: 'JNunez' },
    { name: 'Chidi Okafor', title: 'Customer Success Manager', slack: true },
    { name: 'Nguyễn Thị Lan', title: 'Support Engineer', slack: true },
    { name: 'Emma Wilson', title: 'Customer Success Manager', slack: true },
    { name: 'Mateo García', title: 'Support Engineer', slack: true },
    { name: 'Linnea Holm', title: 'Onboarding Specialist', slack: true },
    { name: 'Yusuf Demir', title: 'Support Engineer', slack: true },
    { name: 'Rachel Adams', title: 'Renewals Manager', slack: true },
    { name: 'Noah Schmidt', title: 'Support Engineer', slack: true, yammer: false },
  ],
};

const LOCATIONS: readonly string[] = ['Berlin', 'Lyon', 'Kyiv', 'Madrid', 'Stockholm', 'Remote'];

/** ASCII e-mail local part from a display name (`Zoë Łukasz` -> `zoe.lukasz`). */
export function emailLocalPart(name: string): string {
  const folded = name
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .replace(/Æ/g, 'Ae')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function slackId(rng: Rng): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let id = 'U0';
  for (let i = 0; i < 9; i += 1) id += rng.pick([...alphabet]);
  return id;
}

function yammerUserId(index: number, rng: Rng): string {
  return String(1_588_300_000_000 + index * 104_729 + rng.int(0, 99_999));
}

/** The 60 people of the Aurora sample pilot, in roster order. */
export function auroraPeople(rng: Rng): Person[] {
  const people: Person[] = [];
  for (const department of DEPARTMENTS) {
    for (const row of ROSTER[department]) {
      const index = people.length;
      const email = `${row.email ?? emailLocalPart(row.name)}@${EMAIL_DOMAIN}`;
      const lead = row.role !== undefined;
      people.push({
        key: (row.email ?? emailLocalPart(row.name)).replace(/\./g, '-'),
        name: row.name,
        email,
        department,
        jobTitle: row.title,
        location: rng.pick(LOCATIONS),
        yammerId: row.yammer === false ? null : yammerUserId(index, rng),
        slackId: row.slack === true ? slackId(rng) : null,
        slackEmail: row.name !== 'José Núñez',
        wikiUser: row.wiki ?? null,
        role: row.role ?? null,
        moderatorSince: row.since ?? null,
        // Moderators and the sponsor are there from day one; the rest join over the first months.
        joinMonth: lead ? 0 : rng.weighted([0, 1, 2, 3, 4, 5, 6], (m) => 7 - m),
        weight: row.lurker === true ? 0 : row.role === 'moderator' ? 3 : rng.logNormal(1, 0.7),
      });
    }
  }
  return people;
}

const FIRST = [
  'Alex',
  'Maria',
  'Jan',
  'Aisha',
  'Chen',
  'Lucía',
  'Mikko',
  'Olga',
  'Sam',
  'Tariq',
  'Yuki',
  'Zanele',
  'Ines',
  'Piotr',
  'Femi',
  'Leila',
];
const LAST = [
  'Andersen',
  'Baptiste',
  'Castro',
  'Dvořák',
  'Eriksen',
  'Fontaine',
  'Gupta',
  'Hoffmann',
  'Ivanova',
  'Jansen',
  'Kowalczyk',
  'Larsen',
  'Moreno',
  'Nakamura',
  'Osei',
  'Popescu',
];

/**
 * A synthetic roster for large benchmark exports: `count` people spread over the six departments,
 * every one on Yammer and Slack with a unique e-mail, three moderators.
 */
export function syntheticPeople(rng: Rng, count: number): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const department = DEPARTMENTS[i % DEPARTMENTS.length] ?? 'Sales';
    const local = `${emailLocalPart(name)}.${i}`;
    people.push({
      key: `p${i}`,
      name,
      email: `${local}@${EMAIL_DOMAIN}`,
      department,
      jobTitle: 'Employee',
      location: rng.pick(LOCATIONS),
      yammerId: yammerUserId(i, rng),
      slackId: `U1${String(i).padStart(9, '0')}`,
      slackEmail: true,
      wikiUser: null,
      role: i < 3 ? 'moderator' : null,
      moderatorSince: null,
      joinMonth: i < 3 ? 0 : rng.int(0, 5),
      weight: i < 3 ? 3 : rng.logNormal(1, 0.7),
    });
  }
  return people;
}
