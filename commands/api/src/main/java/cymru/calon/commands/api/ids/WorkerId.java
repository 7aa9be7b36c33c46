package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** A pseudonymous staff identifier within an organisation. */
public record WorkerId(UUID value) implements Identifier {
  public WorkerId {
    Objects.requireNonNull(value, "value");
  }

  public static WorkerId of(String value) {
    return new WorkerId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
