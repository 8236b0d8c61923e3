/** The shape of a `semcom` subcommand. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full text for `semcom <name> --help`. */
  help(): string;
  /** Runs with the arguments after the command name; returns the exit status. */
  run(argv: readonly string[]): Promise<number>;
}
