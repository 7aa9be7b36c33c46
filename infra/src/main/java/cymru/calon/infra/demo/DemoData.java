package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.query.commands.ParsedCommand;
import java.time.Instant;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The demo data set: a realistic, seeded history of commissioned services, their staff and the
 * episodes of the people they support, as the commands a provider would have sent, in the order it
 * would have sent them. Pure and deterministic: no clock, no I/O, no Spring.
 */
public final class DemoData {
  private DemoData() {}

  /**
   * The provider organisations and commissioners of the history of {@code seed}, by the indices of
   * {@link Catalogue} ({@code CWTSH}, {@code SWIFTPATH}, {@code NOSTOS}; {@code CARDIFF_VALE_APB} …
   * {@code CWM_TAF_MORGANNWG_UHB}): the same ids the history's commands name.
   */
  public static Parties parties(long seed) {
    return DemoHistory.parties(new Simulation(seed, Instant.EPOCH));
  }

  /** Who is who in a demo history. */
  public record Parties(List<OrganisationId> organisations, List<CommissionerId> commissioners) {}

  /**
   * The history as a lazy, sequential stream; only the part of it still in flight is held in
   * memory, so any size can be streamed.
   */
  public static Stream<ParsedCommand> commands(DemoParameters parameters) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            DemoHistory.start(parameters), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
