package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** One achieved outcome of an episode; aftercare plans name it. */
public record OutcomeId(UUID value) implements Identifier {
  public OutcomeId {
    Objects.requireNonNull(value, "value");
  }

  public static OutcomeId of(String value) {
    return new OutcomeId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
