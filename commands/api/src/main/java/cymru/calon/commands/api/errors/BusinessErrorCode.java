package cymru.calon.commands.api.errors;

/**
 * Every reason Calon refuses a command. The name is the public {@code code} of the problem
 * response; the category decides its HTTP status.
 */
public enum BusinessErrorCode {
  // The command itself (400).
  MALFORMED_COMMAND(Category.INVALID),
  UNKNOWN_COMMAND_TYPE(Category.INVALID),
  INVALID_FIELDS(Category.INVALID),
  OCCURRED_AT_IN_FUTURE(Category.INVALID),
  // The caller may not issue this command (403): it is for another organisation's records, or
  // the caller's role issues no commands of its kind. Nothing is stored or logged.
  FORBIDDEN(Category.FORBIDDEN),
  // An aggregate the command names does not exist (404).
  SERVICE_NOT_FOUND(Category.NOT_FOUND),
  EPISODE_NOT_FOUND(Category.NOT_FOUND),
  WORKER_NOT_FOUND(Category.NOT_FOUND),
  PERSON_NOT_FOUND(Category.NOT_FOUND),
  // Business rules (409): services.
  SERVICE_ALREADY_COMMISSIONED(Category.CONFLICT),
  CONTRACT_END_NOT_AFTER_START(Category.CONFLICT),
  // Workers.
  WORKER_ALREADY_JOINED(Category.CONFLICT),
  WORKER_ALREADY_LEFT(Category.CONFLICT),
  OCCURRED_BEFORE_JOINING(Category.CONFLICT),
  WORKER_NOT_IN_POST(Category.CONFLICT),
  WORKER_NOT_IN_ORGANISATION(Category.CONFLICT),
  // People.
  PERSON_ALREADY_REGISTERED(Category.CONFLICT),
  PERSON_FORGOTTEN(Category.CONFLICT),
  PERSON_NOT_IN_ORGANISATION(Category.CONFLICT),
  OCCURRED_BEFORE_REGISTRATION(Category.CONFLICT),
  CONSENT_NOT_IN_FORCE(Category.CONFLICT),
  // Episodes.
  EPISODE_ALREADY_EXISTS(Category.CONFLICT),
  OCCURRED_BEFORE_REFERRAL(Category.CONFLICT),
  EPISODE_CLOSED(Category.CONFLICT),
  EPISODE_ALREADY_CLOSED(Category.CONFLICT),
  CLOSED_BEFORE_LATEST_EVENT(Category.CONFLICT),
  FEEDBACK_WINDOW_ENDED(Category.CONFLICT),
  STORY_WINDOW_ENDED(Category.CONFLICT),
  STORY_ALREADY_SHARED(Category.CONFLICT),
  CONTACT_ALREADY_RECORDED(Category.CONFLICT),
  KEY_WORKER_ALREADY_ASSIGNED(Category.CONFLICT),
  NOT_CURRENT_KEY_WORKER(Category.CONFLICT),
  HANDOVER_TO_SAME_WORKER(Category.CONFLICT),
  HANDOVER_BEFORE_LATEST_CHANGE(Category.CONFLICT),
  NO_CONTACT_YET(Category.CONFLICT),
  OUTCOME_ALREADY_RECORDED(Category.CONFLICT),
  OUTCOME_NOT_ACHIEVED(Category.CONFLICT),
  AFTERCARE_UNTIL_NOT_AFTER_OUTCOME(Category.CONFLICT),
  AFTERCARE_NOT_PLANNED(Category.CONFLICT),
  // Idempotency and concurrency.
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
    /** The caller may not issue the command. */
    FORBIDDEN,
    /** The command names an aggregate that does not exist. */
    NOT_FOUND,
    /** The command is well formed but breaks a business rule or an idempotency promise. */
    CONFLICT
  }
}
