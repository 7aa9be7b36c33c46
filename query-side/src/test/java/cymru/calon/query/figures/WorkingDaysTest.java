package cymru.calon.query.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
  private final WorkingDays englandAndWales =
      WorkingDays.fromList(
          WorkingDays.class.getResourceAsStream("/calon/bank-holidays-england-and-wales.txt"));

  @Test
  void referralOnAFridayBeforeABankHolidayMonday_waitsUntilTuesday() {
    // Friday 22 August 2025; Monday 25 August is the summer bank holiday.
    LocalDate friday = LocalDate.of(2025, 8, 22);
    assertThat(englandAndWales.between(friday, LocalDate.of(2025, 8, 25))).isZero();
    assertThat(englandAndWales.between(friday, LocalDate.of(2025, 8, 26))).isEqualTo(1);
  }

  @Test
  void theReferralDayItselfNeverCounts_andTheContactDayDoes() {
    LocalDate monday = LocalDate.of(2025, 3, 3);
    assertThat(englandAndWales.between(monday, monday)).isZero();
    assertThat(englandAndWales.between(monday, monday.plusDays(1))).isEqualTo(1);
    assertThat(englandAndWales.between(monday, monday.plusDays(7))).isEqualTo(5);
  }

  @Test
  void easterAndChristmas_withSubstituteDays() {
    // Thursday 2 April 2026 to Tuesday 7 April: Good Friday and Easter Monday are holidays.
    assertThat(englandAndWales.between(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 7)))
        .isEqualTo(1);
    // Boxing Day 2026 is a Saturday: Monday 28 December is the substitute.
    assertThat(englandAndWales.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
    assertThat(englandAndWales.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
  }

  @Test
  void aBadListLine_isRefusedWithItsLineNumber() {
    var list =
        new ByteArrayInputStream(
            "# holidays\n2025-01-01\n1 Jan\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> WorkingDays.fromList(list)).hasMessageContaining("Line 3");
  }
}
