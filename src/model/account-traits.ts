/**
 * What a source's accounts are like, as the setup checks (`init`, `validate`'s readiness, bot and
 * identity suggestions) need to know it. Each source declares its own (`Source.accounts`); the
 * metrics get them from the registry through cli (they import no source).
 */
export interface AccountTraits {
  /** How a sentence names the tool: "Slack", "the wiki". */
  label: string;
  /** The tool as an adjective: "Slack" (name), "wiki" (user name). */
  adjective: string;
  /**
   * Accounts are user names people chose (a wiki): a bot is recognised by its name, and a name
   * is a handle rather than a full name.
   */
  userNames: boolean;
  /** A chat handle there is often the local part of the person's e-mail (Slack, Teams). */
  handleIsEmailLocalPart: boolean;
}

/** The traits of every source kind, by kind. */
export type AccountTraitsByKind = Readonly<Record<string, AccountTraits>>;
