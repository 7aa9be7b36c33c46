package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** A commissioned service. */
public record ServiceId(UUID value) implements Identifier {
  public ServiceId {
    Objects.requireNonNull(value, "value");
  }

  public static ServiceId of(String value) {
    return new ServiceId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
