package cymru.calon.commands.model.worker;

import static cymru.calon.commands.model.rules.Rejections.withCode;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.worker.RecordReflectivePractice;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.RecordWorkerLeft;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.commands.api.worker.WorkerRole;
import cymru.calon.commands.model.rules.CommandRulesInterceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerTest {
  private final WorkerId workerId = new WorkerId(UUID.randomUUID());
  private final OrganisationId organisation = new OrganisationId(UUID.randomUUID());
  private final Instant joinedAt = Instant.parse("2025-01-06T09:00:00Z");
  private final Instant leftAt = Instant.parse("2025-09-30T17:00:00Z");
  private AggregateTestFixture<Worker> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Worker.class);
  }

  @Test
  void recordWorkerJoined_recordsJoining() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RecordWorkerJoined(workerId, organisation, WorkerRole.PEER_MENTOR, true, joinedAt))
        .expectEvents(
            new WorkerJoined(workerId, organisation, WorkerRole.PEER_MENTOR, true, joinedAt));
  }

  @Test
  void recordWorkerJoined_rejected_whenAlreadyJoined() {
    fixture
        .given(joined())
        .when(
            new RecordWorkerJoined(
                workerId, organisation, WorkerRole.KEY_WORKER, false, joinedAt.plusSeconds(60)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_ALREADY_JOINED));
  }

  @Test
  void recordWorkerLeft_recordsLeaving() {
    fixture
        .given(joined())
        .when(new RecordWorkerLeft(workerId, leftAt))
        .expectEvents(new WorkerLeft(workerId, leftAt));
  }

  @Test
  void recordWorkerLeft_rejected_whenAlreadyLeft() {
    fixture
        .given(joined(), new WorkerLeft(workerId, leftAt))
        .when(new RecordWorkerLeft(workerId, leftAt.plusSeconds(60)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_ALREADY_LEFT));
  }

  @Test
  void recordWorkerLeft_rejected_whenBeforeJoining() {
    fixture
        .given(joined())
        .when(new RecordWorkerLeft(workerId, joinedAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_JOINING));
  }

  @Test
  void recordReflectivePractice_recordsPractice_whileInPost() {
    Instant at = Instant.parse("2025-03-03T14:00:00Z");
    fixture
        .given(joined(), new WorkerLeft(workerId, leftAt))
        .when(
            new RecordReflectivePractice(workerId, at, 90, ReflectivePracticeKind.GROUP_REFLECTION))
        .expectEvents(
            new ReflectivePracticeRecorded(
                workerId, at, 90, ReflectivePracticeKind.GROUP_REFLECTION));
  }

  @Test
  void recordReflectivePractice_rejected_whenNotInPost() {
    fixture
        .given(joined(), new WorkerLeft(workerId, leftAt))
        .when(
            new RecordReflectivePractice(workerId, leftAt, 60, ReflectivePracticeKind.SUPERVISION))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_POST));
  }

  @Test
  void recordReflectivePractice_rejected_whenBeforeJoining() {
    fixture
        .given(joined())
        .when(
            new RecordReflectivePractice(
                workerId, joinedAt.minusSeconds(1), 60, ReflectivePracticeKind.WELLBEING))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_POST));
  }

  @Test
  void recordWorkerLeft_rejected_whenWorkerUnknown() {
    fixture.registerCommandHandlerInterceptor(
        new CommandRulesInterceptor(Clock.fixed(leftAt, ZoneOffset.UTC)));
    fixture
        .givenNoPriorActivity()
        .when(new RecordWorkerLeft(workerId, leftAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_FOUND));
  }

  private WorkerJoined joined() {
    return new WorkerJoined(workerId, organisation, WorkerRole.KEY_WORKER, false, joinedAt);
  }
}
