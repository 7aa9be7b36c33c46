package cymru.calon.commands.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

class CommandRulesInterceptorTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private final CommandRulesInterceptor interceptor =
      new CommandRulesInterceptor(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void validCommand_proceeds() throws Exception {
    Object result = run(contact(NOW.plusSeconds(299), 30), () -> "handled");
    assertThat(result).isEqualTo("handled");
  }

  @Test
  void everyInvalidField_isReported_andHandlerNeverRuns() {
    RecordContact invalid =
        new RecordContact(
            new EpisodeId(UUID.randomUUID()),
            null,
            new WorkerId(UUID.randomUUID()),
            NOW,
            721,
            ContactMode.PHONE,
            null,
            InitiatedBy.WORKER,
            InterpreterUse.NONE,
            Set.of(),
            false,
            ContactPurpose.SUPPORT);

    Rejection rejection = rejection(invalid);

    assertThat(rejection.code()).isEqualTo(BusinessErrorCode.INVALID_FIELDS);
    assertThat(rejection.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("contactId", "minutes", "setting");
  }

  @Test
  void occurredAtMoreThanFiveMinutesAhead_isRejected() {
    Rejection rejection = rejection(contact(NOW.plusSeconds(301), 30));

    assertThat(rejection.code()).isEqualTo(BusinessErrorCode.OCCURRED_AT_IN_FUTURE);
    assertThat(rejection.errors()).extracting(FieldError::field).containsExactly("occurredAt");
  }

  @Test
  void unknownEpisode_becomesEpisodeNotFound() {
    assertThatThrownBy(
            () ->
                run(
                    contact(NOW, 30),
                    () -> {
                      throw new AggregateNotFoundException("x", "not found");
                    }))
        .isInstanceOfSatisfying(
            CommandExecutionException.class,
            e ->
                assertThat(e.<Rejection>getDetails().orElseThrow().code())
                    .isEqualTo(BusinessErrorCode.EPISODE_NOT_FOUND));
  }

  private Rejection rejection(RecordContact command) {
    try {
      run(
          command,
          () -> {
            throw new AssertionError("the handler must not run");
          });
    } catch (CommandExecutionException e) {
      return e.<Rejection>getDetails().orElseThrow();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a rejection");
  }

  private Object run(RecordContact command, java.util.concurrent.Callable<Object> handler)
      throws Exception {
    var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
    try {
      return interceptor.handle(unitOfWork, handler::call);
    } finally {
      unitOfWork.rollback();
    }
  }

  private static RecordContact contact(Instant at, int minutes) {
    return new RecordContact(
        new EpisodeId(UUID.randomUUID()),
        new ContactId(UUID.randomUUID()),
        new WorkerId(UUID.randomUUID()),
        at,
        minutes,
        ContactMode.PHONE,
        ContactSetting.REMOTE,
        InitiatedBy.WORKER,
        InterpreterUse.NONE,
        Set.of(Choice.TIME),
        false,
        ContactPurpose.SUPPORT);
  }
}
