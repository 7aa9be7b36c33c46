package cymru.calon.commands.api.ids;

import java.util.Objects;
import java.util.UUID;

/** A commissioning body. */
public record CommissionerId(UUID value) implements Identifier {
  public CommissionerId {
    Objects.requireNonNull(value, "value");
  }

  public static CommissionerId of(String value) {
    return new CommissionerId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
