package cymru.calon.infra.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.person.PersonCommand;
import cymru.calon.commands.api.service.ServiceCommand;
import cymru.calon.commands.api.worker.WorkerCommand;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {
  private final CommandTargets targets = new CommandTargets();
  private final AnnotationCommandTargetResolver axon =
      AnnotationCommandTargetResolver.builder().build();

  /** Every command record of every aggregate. */
  private static List<Class<?>> commandTypes() {
    return Stream.of(
            ServiceCommand.class, WorkerCommand.class, PersonCommand.class, EpisodeCommand.class)
        .flatMap(type -> Stream.of(type.getPermittedSubclasses()))
        .toList();
  }

  @Test
  void everyCommand_isResolvedToTheAggregateAxonsOwnResolverFinds_againAndAgain() throws Exception {
    List<Class<?>> types = commandTypes();
    assertThat(types).hasSizeGreaterThanOrEqualTo(20);
    for (Class<?> type : types) {
      assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
      for (int i = 0; i < 3; i++) {
        UUID id = UUID.randomUUID();
        var message = GenericCommandMessage.asCommandMessage(command(type, id));
        VersionedAggregateIdentifier ours = targets.resolveTarget(message);
        VersionedAggregateIdentifier theirs = axon.resolveTarget(message);
        assertThat(ours).as(type.getSimpleName()).isEqualTo(theirs);
        assertThat(ours.getIdentifier()).contains(id.toString());
        assertThat(ours.getIdentifierValue()).isEqualTo(theirs.getIdentifierValue());
        assertThat(ours.getVersion()).isNull();
      }
    }
  }

  @Test
  void aCommandNamingNoAggregate_isRefusedAsAxonRefusesIt() throws Exception {
    for (Class<?> type : commandTypes()) {
      var message = GenericCommandMessage.asCommandMessage(command(type, null));
      assertThatThrownBy(() -> targets.resolveTarget(message))
          .as(type.getSimpleName())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not identify the target aggregate");
    }
  }

  /** The command with only its target set (to the typed id of {@code id}), the rest null. */
  private static Object command(Class<?> type, UUID id) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    List<Object> arguments = new ArrayList<>();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      boolean target =
          type.getDeclaredField(component.getName())
              .isAnnotationPresent(TargetAggregateIdentifier.class);
      if (target && id != null) {
        arguments.add(component.getType().getConstructor(UUID.class).newInstance(id));
      } else {
        arguments.add(defaultOf(component.getType()));
      }
    }
    return type.getDeclaredConstructor(parameterTypes).newInstance(arguments.toArray());
  }

  private static Object defaultOf(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    throw new IllegalArgumentException("no default for " + type);
  }
}
