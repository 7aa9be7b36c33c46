package cymru.calon.commands.api.errors;

/**
 * Every reason Calon refuses a command. The name is the public {@code code} of the problem
 * response; the category decides its HTTP status.
 */
public enum BusinessErrorCode {
  MALFORMED_COMMAND(Category.INVALID),
  UNKNOWN_COMMAND_TYPE(Category.INVALID),
  INVALID_FIELDS(Category.INVALID),
  OCCURRED_AT_IN_FUTURE(Category.INVALID),
  SERVICE_NOT_FOUND(Category.NOT_FOUND),
  EPISODE_NOT_FOUND(Category.NOT_FOUND),
  SERVICE_ALREADY_COMMISSIONED(Category.CONFLICT),
  EPISODE_ALREADY_EXISTS(Category.CONFLICT),
  OCCURRED_BEFORE_REFERRAL(Category.CONFLICT),
  CONTACT_ALREADY_RECORDED(Category.CONFLICT),
  COMMAND_ID_REUSED(Category.CONFLICT),
  CONCURRENT_MODIFICATION(Category.CONFLICT);

  private final Category category;

  BusinessErrorCode(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }

  public enum Category {
    /** The command itself is malformed or has invalid fields. */
    INVALID,
    /** The command names an aggregate that does not exist. */
    NOT_FOUND,
    /** The command is well formed but breaks a business rule or an idempotency promise. */
    CONFLICT
  }
}
