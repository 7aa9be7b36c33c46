package cymru.calon.infra.store;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimestampsTest {
  @Test
  void whatAxonWrites_readsAsAxonReadsIt() {
    SplittableRandom random = new SplittableRandom(20261203);
    long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      // Whole seconds, milliseconds and nanoseconds (Axon writes milliseconds of each).
      int nanos =
          switch (i % 3) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
      String text = DateTimeUtils.formatInstant(instant);

      assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(instant.truncatedTo(MILLIS));
      assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29T23:59:59Z",
        "2026-03-29T01:00:00.5Z",
        "2026-10-25T01:59:59.123456789Z",
        "2026-12-03T16:19:16.33Z",
        "2026-12-03T16:19:16.Z",
        "2026-12-03T17:19:16.338+01:00",
        "+10000-01-01T00:00:00Z"
      })
  void everyOtherFormAxonAccepts_readsAsAxonReadsIt(String text) {
    assertThat(StoredTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-29T10:00:00Z",
        "2026-12-03T24:00:00Z",
        "2026-12-03T16:60:00Z",
        "2026-12-03T16:19:16.1234567890Z",
        "2026-12-03 16:19:16Z",
        "2026-12-3T16:19:16Z",
        "not a time at all"
      })
  void whatAxonRefuses_isRefusedAsAxonRefusesIt(String text) {
    assertThatThrownBy(() -> DateTimeUtils.parseInstant(text))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> StoredTimestamps.parse(text))
        .isInstanceOf(DateTimeParseException.class);
  }
}
