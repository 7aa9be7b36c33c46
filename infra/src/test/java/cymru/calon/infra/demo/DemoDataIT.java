package cymru.calon.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.Command;
import cymru.calon.infra.CalonApplication;
import cymru.calon.testsupport.TestPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --calon.demo=true} on an empty store loads the demo history through the real command path
 * with nothing refused; started again on the same store, it loads nothing.
 */
class DemoDataIT {
  private static final Map<String, String> EVENT_OF_COMMAND =
      Map.ofEntries(
          Map.entry("CommissionService", "ServiceCommissioned"),
          Map.entry("VaryServiceContract", "ServiceContractVaried"),
          Map.entry("RecordWorkerJoined", "WorkerJoined"),
          Map.entry("RecordWorkerLeft", "WorkerLeft"),
          Map.entry("RecordReflectivePractice", "ReflectivePracticeRecorded"),
          Map.entry("ReceiveReferral", "ReferralReceived"),
          Map.entry("AssignWorker", "WorkerAssigned"),
          Map.entry("HandOverWorker", "WorkerHandedOver"),
          Map.entry("RecordContact", "ContactRecorded"),
          Map.entry("RecordMissedAppointment", "AppointmentMissed"),
          Map.entry("RecordTrustMilestone", "TrustMilestoneReached"),
          Map.entry("RecordRelationalCheckIn", "RelationalCheckInRecorded"),
          Map.entry("AchieveOutcome", "OutcomeAchieved"),
          Map.entry("PlanAftercare", "AftercarePlanned"),
          Map.entry("EndAftercare", "AftercareEnded"),
          Map.entry("GiveFeedback", "FeedbackGiven"),
          Map.entry("CloseEpisode", "EpisodeClosed"),
          Map.entry("RegisterPerson", "PersonRegistered"),
          Map.entry("RecordConsent", "ConsentRecorded"),
          Map.entry("ForgetPerson", "PersonForgotten"),
          Map.entry("ShareStory", "StoryShared"));

  private final TestPostgres.Database database = TestPostgres.newDatabase();

  @Test
  void demo_fillsAnEmptyStore_withEveryCommandAccepted_andOnlyOnce() {
    Instant end = DemoParameters.startOfDay(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
    DemoParameters parameters = new DemoParameters(300, 18, 7, end);
    Map<String, Long> expected =
        DemoData.commands(parameters)
            .collect(Collectors.groupingBy(c -> eventOf(c.command()), Collectors.counting()));
    long total = expected.values().stream().mapToLong(Long::longValue).sum();

    try (ConfigurableApplicationContext calon = start(parameters)) {
      LoadReport report = calon.getBean(DemoDataLoader.class).report().orElseThrow();
      assertThat(report.rejections()).as("rejected generated commands").isEmpty();
      assertThat(report.rejected()).isZero();
      assertThat(report.accepted()).isEqualTo(total);
      assertThat(storedEvents(calon)).isEqualTo(expected);
    }

    try (ConfigurableApplicationContext calon = start(parameters)) {
      assertThat(calon.getBean(DemoDataLoader.class).report()).isEmpty();
      assertThat(storedEvents(calon)).isEqualTo(expected);
    }
  }

  private ConfigurableApplicationContext start(DemoParameters parameters) {
    return new SpringApplicationBuilder(CalonApplication.class)
        .run(
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.user(),
            "--spring.datasource.password=" + database.password(),
            "--server.port=0",
            "--calon.demo=true",
            "--calon.demo.episodes=" + parameters.episodes(),
            "--calon.demo.months=" + parameters.months(),
            "--calon.demo.seed=" + parameters.seed(),
            "--calon.demo.end=" + parameters.end());
  }

  private static Map<String, Long> storedEvents(ConfigurableApplicationContext calon) {
    return calon
        .getBean(JdbcTemplate.class)
        .query(
            "SELECT payload_type, count(*) AS n FROM domain_event_entry GROUP BY payload_type",
            (rs, row) -> Map.entry(simpleName(rs.getString("payload_type")), rs.getLong("n")))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String eventOf(Command command) {
    return EVENT_OF_COMMAND.get(command.getClass().getSimpleName());
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
