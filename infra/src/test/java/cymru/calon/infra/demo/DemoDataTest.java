package cymru.calon.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.query.commands.ParsedCommand;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void sameSeed_givesTheSameCommands_withTheSameIds() {
    List<ParsedCommand> first = DemoData.commands(new DemoParameters(300, 12, 42, END)).toList();
    List<ParsedCommand> second = DemoData.commands(new DemoParameters(300, 12, 42, END)).toList();

    assertThat(first).hasSizeGreaterThan(1_000);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void otherSeed_givesOtherCommands_andOtherIds() {
    List<ParsedCommand> first = DemoData.commands(new DemoParameters(300, 12, 42, END)).toList();
    List<ParsedCommand> other = DemoData.commands(new DemoParameters(300, 12, 43, END)).toList();

    assertThat(other).isNotEqualTo(first);
    assertThat(other.stream().map(ParsedCommand::commandId))
        .doesNotContainAnyElementsOf(first.stream().map(ParsedCommand::commandId).toList());
  }

  @Test
  void commandIds_areUnique() {
    List<UUID> ids =
        DemoData.commands(new DemoParameters(500, 12, 42, END))
            .map(ParsedCommand::commandId)
            .toList();

    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void episodes_scaleWithTheRequestedSize() {
    long small = referrals(new DemoParameters(500, 24, 1, END));
    long medium = referrals(new DemoParameters(1_000, 24, 1, END));
    long large = referrals(new DemoParameters(4_000, 24, 1, END));

    assertThat((double) small).isCloseTo(500, within(75.0));
    assertThat((double) medium).isCloseTo(1_000, within(120.0));
    assertThat((double) large).isCloseTo(4_000, within(400.0));
  }

  @Test
  void nothingHappens_afterTheEnd_andTheHistorySpansTheRequestedMonths() {
    DemoParameters parameters = new DemoParameters(400, 6, 9, END);
    List<Instant> referrals =
        DemoData.commands(parameters)
            .peek(c -> assertThat(c.command().occurredAt()).isBeforeOrEqualTo(END))
            .filter(c -> c.command() instanceof ReceiveReferral)
            .map(c -> c.command().occurredAt())
            .toList();

    assertThat(referrals).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(parameters.start()));
    assertThat(referrals.getFirst()).isBefore(parameters.start().plusSeconds(14 * 86_400));
  }

  private static long referrals(DemoParameters parameters) {
    return DemoData.commands(parameters)
        .filter(c -> c.command() instanceof ReceiveReferral)
        .count();
  }
}
