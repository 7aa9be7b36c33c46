package cymru.calon.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The configuration the web-layer tests ({@code @WebMvcTest}) start from: the query side's
 * controllers, advice and pages configuration, with the clock fixed on 2 December 2026.
 */
@SpringBootApplication
public class PagesTestApplication {
  public static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
