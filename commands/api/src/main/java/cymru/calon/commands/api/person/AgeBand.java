package cymru.calon.commands.api.person;

import java.util.Arrays;
import java.util.Optional;

/** A coarse age band; on the wire and in events by its label ({@code "18-24"} … {@code "65+"}). */
public enum AgeBand {
  AGE_18_24("18-24"),
  AGE_25_34("25-34"),
  AGE_35_44("35-44"),
  AGE_45_54("45-54"),
  AGE_55_64("55-64"),
  AGE_65_PLUS("65+");

  private final String label;

  AgeBand(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<AgeBand> ofLabel(String label) {
    return Arrays.stream(values()).filter(band -> band.label.equals(label)).findFirst();
  }
}
