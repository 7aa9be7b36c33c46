package cymru.calon.commands.api.errors;

import java.util.List;

/**
 * Why a command was refused: carried as the details of a command execution failure so that it
 * survives the command bus, and rendered by the web layer as an RFC 9457 problem. The detail names
 * ids and fields only, never personal data.
 */
public record Rejection(BusinessErrorCode code, String detail, List<FieldError> errors) {
  public Rejection {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Rejection of(BusinessErrorCode code, String detail) {
    return new Rejection(code, detail, List.of());
  }
}
