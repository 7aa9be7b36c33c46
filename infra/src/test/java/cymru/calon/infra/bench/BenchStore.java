package cymru.calon.infra.bench;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.ids.Identifier;
import cymru.calon.infra.demo.DemoData;
import cymru.calon.infra.demo.DemoParameters;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty store with the demo history fast, for benchmarks: each command of the demo
 * generator becomes the one event its aggregate would apply (same fields by name; the demo's
 * commands are all valid, as {@code DemoDataIT} checks through the real command path), appended
 * through Axon's event store in transactions of {@value #EVENTS_PER_TRANSACTION} events, so the
 * subscribing command-side facts are written as well.
 */
final class BenchStore {
  static final int EVENTS_PER_TRANSACTION = 5_000;

  private static final Map<String, String> EVENT_OF_COMMAND =
      Map.ofEntries(
          Map.entry("CommissionService", "service.ServiceCommissioned"),
          Map.entry("VaryServiceContract", "service.ServiceContractVaried"),
          Map.entry("RecordWorkerJoined", "worker.WorkerJoined"),
          Map.entry("RecordWorkerLeft", "worker.WorkerLeft"),
          Map.entry("RecordReflectivePractice", "worker.ReflectivePracticeRecorded"),
          Map.entry("ReceiveReferral", "episode.ReferralReceived"),
          Map.entry("AssignWorker", "episode.WorkerAssigned"),
          Map.entry("HandOverWorker", "episode.WorkerHandedOver"),
          Map.entry("RecordContact", "episode.ContactRecorded"),
          Map.entry("RecordMissedAppointment", "episode.AppointmentMissed"),
          Map.entry("RecordTrustMilestone", "episode.TrustMilestoneReached"),
          Map.entry("RecordRelationalCheckIn", "episode.RelationalCheckInRecorded"),
          Map.entry("AchieveOutcome", "episode.OutcomeAchieved"),
          Map.entry("PlanAftercare", "episode.AftercarePlanned"),
          Map.entry("EndAftercare", "episode.AftercareEnded"),
          Map.entry("GiveFeedback", "episode.FeedbackGiven"),
          Map.entry("CloseEpisode", "episode.EpisodeClosed"),
          Map.entry("ShareStory", "episode.StoryShared"));

  private final Map<Class<?>, Constructor<?>> constructors = new HashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();

  /** Appends the history; returns how many events were stored. */
  long fill(EventStore store, TransactionTemplate transactions, DemoParameters parameters) {
    Iterator<cymru.calon.query.commands.ParsedCommand> commands =
        DemoData.commands(parameters).iterator();
    long appended = 0;
    while (commands.hasNext()) {
      List<DomainEventMessage<?>> batch = new ArrayList<>(EVENTS_PER_TRANSACTION);
      while (commands.hasNext() && batch.size() < EVENTS_PER_TRANSACTION) {
        Command command = commands.next().command();
        // People and stories hold personal data that only the real command path seals; the
        // figures this store is for do not need them.
        if (command instanceof cymru.calon.commands.api.person.PersonCommand) {
          continue;
        }
        batch.add(event(command));
      }
      transactions.executeWithoutResult(status -> store.publish(batch));
      appended += batch.size();
    }
    return appended;
  }

  private DomainEventMessage<?> event(Command command) {
    Object payload = payload(command);
    Identifier id = (Identifier) component(payload, payload.getClass().getRecordComponents()[0]);
    String type =
        switch (payload
            .getClass()
            .getPackageName()
            .substring(payload.getClass().getPackageName().lastIndexOf('.') + 1)) {
          case "service" -> "Service";
          case "worker" -> "Worker";
          case "episode" -> "SupportEpisode";
          default -> throw new IllegalStateException(payload.getClass().getName());
        };
    String aggregate = id.value().toString();
    long sequence = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
    return new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
  }

  private Object payload(Command command) {
    if (command instanceof cymru.calon.commands.api.episode.ShareStory story) {
      // Only the real command path seals a story with its person's key.
      return new cymru.calon.commands.api.episode.StoryShared(
          story.episodeId(),
          story.storyId(),
          new cymru.calon.commands.api.person.Sealed("unsealed in the bench store"),
          story.language(),
          story.relationalValues(),
          story.occurredAt());
    }
    Constructor<?> constructor =
        constructors.computeIfAbsent(command.getClass(), BenchStore::canonicalConstructor);
    RecordComponent[] components = constructor.getDeclaringClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = commandValue(command, components[i].getName());
    }
    try {
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Constructor<?> canonicalConstructor(Class<?> commandType) {
    String event = EVENT_OF_COMMAND.get(commandType.getSimpleName());
    if (event == null) {
      throw new IllegalStateException("no event for " + commandType.getSimpleName());
    }
    try {
      Class<?> type = Class.forName("cymru.calon.commands.api." + event);
      Class<?>[] parameters =
          java.util.Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getType)
              .toArray(Class<?>[]::new);
      return type.getDeclaredConstructor(parameters);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object commandValue(Command command, String name) {
    try {
      return command.getClass().getMethod(name).invoke(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          command.getClass().getSimpleName() + " has no field " + name, e);
    }
  }

  private static Object component(Object record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
