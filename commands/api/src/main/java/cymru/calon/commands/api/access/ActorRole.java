package cymru.calon.commands.api.access;

/** Who may issue a command, as the command side knows them. */
public enum ActorRole {
  /**
   * Calon itself, in process: the demo loader and the command-line import. Never a user: no request
   * over HTTP is ever this actor.
   */
  SYSTEM,
  /** Provider staff: commands about their own organisation's workers and episodes. */
  PROVIDER,
  /** A commissioner: commissioning and varying the services they commission. */
  COMMISSIONER,
  /** Policy staff: read only, no commands. */
  POLICY
}
