/**
 * The sample pilot's duplicate efforts written by two people in other words (issue 20), besides
 * the planted proposal pair of story-yammer/story-slack. Each replaces the starter text of one
 * background thread, found by the text the seed gave it, so the threads, people, replies and
 * dates stay those of the background (and a question stays a question: questions.ts reads the
 * starter). Labelled by the rule in test/fixtures/redundancy/README.md: two people, another space
 * or months apart, the same problem or piece of work, the later poster drawing a discussion of
 * their own that finding the first thread would have spared.
 */

/** One background starter rewritten: `replaces` is its first sentence as the seed draws it. */
export interface PlantedStarter {
  /** Names the pair in tests and fixtures/README.md. */
  key: string;
  replaces: string;
  text: string;
}

export const PLANTED_DUPLICATE_STARTERS: readonly PlantedStarter[] = [
  // The same build failure on the ARM agents, Slack #engineering in May and Yammer Engineering in July.
  {
    key: 'dup-arm-build-slack',
    replaces: 'Heads up: the staging database upgrade slips a week, 10 people asked for time.',
    text:
      'Heads up: the nightly build on the new ARM build agents fails at the link step, the linker cannot find libssl.so.3. ' +
      'The x86 agents are fine. I pinned the ARM image to the March version until we know more.',
  },
  {
    key: 'dup-arm-build-yammer',
    replaces: 'Has anyone compared the flaky integration tests with the Munich approach?',
    text:
      'Has anyone seen builds break on the ARM agents with "cannot find libssl.so.3" when linking? ' +
      'Our service compiles on my laptop and on the x86 runners, only the ARM pipeline fails since this week.',
  },
  // Charging a company electric car at home: the expense form has no line for it (Sales, April and August).
  {
    key: 'dup-ev-charging-april',
    replaces: 'Where is the latest version of commission statements?',
    text:
      'Where do I claim the electricity for charging my company car at home? The expense form only offers fuel and mileage, ' +
      'and my electric Skoda has no fuel receipts.',
  },
  {
    key: 'dup-ev-charging-august',
    replaces: 'Can someone walk me through the quote approval flow?',
    text:
      'Can someone tell me how to get reimbursed for home charging of a company EV? I got my electric car in July ' +
      'and the expense tool rejects a claim without a fuel receipt.',
  },
  // Pallet labels generated from carrier manifests: a tool shared in April, the same work called for in August.
  {
    key: 'dup-pallet-labels-tool',
    replaces: 'We cut the time spent on the loading bay cameras to 11 hours a week.',
    text:
      'We wrote a small script that reads the carrier manifests and prints the pallet labels in the new GS1 layout. ' +
      'The Lyon dock uses it since Monday and nobody retypes labels by hand any more. Sharing it in case another site needs it.',
  },
  {
    key: 'dup-pallet-labels-call',
    replaces: 'Looking for a volunteer to review the pallet labelling change.',
    text:
      'Starting a small project to print GS1 pallet labels straight from the carrier manifests, so the docks stop ' +
      'retyping every label by hand. Looking for a volunteer who knows the label printers.',
  },
];
