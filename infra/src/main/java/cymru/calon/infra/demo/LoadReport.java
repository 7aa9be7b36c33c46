package cymru.calon.infra.demo;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import java.time.Duration;
import java.util.Map;

/**
 * What loading a stream of commands did.
 *
 * @param rejections how many commands were refused, by error code
 */
public record LoadReport(
    long accepted,
    long duplicates,
    long rejected,
    Map<BusinessErrorCode, Long> rejections,
    Duration took) {
  public LoadReport {
    rejections = Map.copyOf(rejections);
  }

  public long commands() {
    return accepted + duplicates + rejected;
  }

  public double commandsPerSecond() {
    double seconds = took.toNanos() / 1e9;
    return seconds == 0 ? 0 : commands() / seconds;
  }
}
