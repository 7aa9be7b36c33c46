package cymru.calon.infra.demo;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.access.Actor;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.query.commands.CommandDispatcher;
import cymru.calon.query.commands.CommandRejected;
import cymru.calon.query.commands.ParsedCommand;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a stream of commands, one by one and in order, through the same dispatcher, interceptors
 * and aggregates as the HTTP API. Slow but faithful; the bulk importer can take its place, since
 * this is the only class that knows how the demo reaches the store.
 */
@Component
public class DispatchingLoader {
  private static final Logger log = LoggerFactory.getLogger(DispatchingLoader.class);
  private static final int DETAILS_LOGGED = 5;

  private final CommandDispatcher dispatcher;

  public DispatchingLoader(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Who issues the demo's commands: Calon itself, for every organisation and commissioner. */
  static final Actor DEMO_LOADER = Actor.system("demo loader");

  public LoadReport load(Stream<ParsedCommand> commands) {
    long started = System.nanoTime();
    long[] accepted = {0};
    long[] duplicates = {0};
    Map<BusinessErrorCode, Long> rejections = new EnumMap<>(BusinessErrorCode.class);
    commands.forEachOrdered(
        command -> {
          try {
            if (dispatcher.dispatch(command.by(DEMO_LOADER)) == CommandStatus.DUPLICATE) {
              duplicates[0]++;
            } else {
              accepted[0]++;
            }
          } catch (CommandRejected e) {
            long count = rejections.merge(e.rejection().code(), 1L, Long::sum);
            if (count <= DETAILS_LOGGED) {
              // Details name ids and fields only, never values.
              log.warn(
                  "{} {} rejected: {}",
                  command.command().getClass().getSimpleName(),
                  command.commandId(),
                  e.getMessage());
            }
          }
        });
    long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
    return new LoadReport(
        accepted[0],
        duplicates[0],
        rejected,
        rejections,
        Duration.ofNanos(System.nanoTime() - started));
  }
}
