package cymru.calon.commands.api;

/** Metadata keys every command message carries. */
public final class CommandMetadata {
  /** The caller-chosen idempotency key of a command (a UUID string). */
  public static final String COMMAND_ID = "commandId";

  /**
   * Who issues the command ({@link cymru.calon.commands.api.access.Actor#role()}), set by whoever
   * dispatches it; a command without it is refused. The other {@code actor…} keys complete it.
   */
  public static final String ACTOR_ROLE = "actorRole";

  /** The actor's name: a user name, a token's subject, or what an in-process caller is. */
  public static final String ACTOR_NAME = "actorName";

  /** The organisation of provider staff. */
  public static final String ACTOR_ORGANISATION = "actorOrganisationId";

  /** The commissioner id of a commissioner. */
  public static final String ACTOR_COMMISSIONER = "actorCommissionerId";

  private CommandMetadata() {}
}
