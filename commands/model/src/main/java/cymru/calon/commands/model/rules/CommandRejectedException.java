package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.errors.Rejection;
import java.util.List;

/**
 * Thrown by an invariant check. Its message names ids and fields only, never personal data, because
 * exception messages may reach logs.
 */
public class CommandRejectedException extends RuntimeException {
  private final transient Rejection rejection;

  public CommandRejectedException(BusinessErrorCode code, String detail) {
    this(new Rejection(code, detail, List.of()));
  }

  public CommandRejectedException(Rejection rejection) {
    super(rejection.code() + ": " + rejection.detail(), null, false, false);
    this.rejection = rejection;
  }

  public static CommandRejectedException invalidFields(List<FieldError> errors) {
    return new CommandRejectedException(
        new Rejection(
            BusinessErrorCode.INVALID_FIELDS,
            "The command has invalid or missing fields.",
            errors));
  }

  public Rejection rejection() {
    return rejection;
  }
}
