/** The shape of a `semcom` subcommand. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full text for `semcom <name> --help`. */
  help(): string;
  /** True when `run` answers --help itself (a command with subcommands, each with its own flags). */
  readonly handlesHelp?: boolean;
  /** Runs with the arguments after the command name; returns the exit status. */
  run(argv: readonly string[]): Promise<number>;
}
