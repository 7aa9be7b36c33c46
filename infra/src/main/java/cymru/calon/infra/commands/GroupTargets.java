package cymru.calon.infra.commands;

import cymru.calon.infra.store.AbsentAggregates;
import cymru.calon.query.commands.BatchStart;
import cymru.calon.query.commands.ParsedCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * As a group of commands begins, finds which of the aggregates its commands are for have nothing in
 * the store yet ({@link AbsentAggregates}), so the commands that create them load nothing: one
 * query for the group instead of two (and an early insert of the group's events) per new episode or
 * person.
 */
@Component
class GroupTargets implements BatchStart {
  private final JdbcTemplate jdbc;
  private final EventSchema schema;
  private final CommandTargetResolver targets;

  GroupTargets(JdbcTemplate jdbc, EventSchema schema, CommandTargetResolver targets) {
    this.jdbc = jdbc;
    this.schema = schema;
    this.targets = targets;
  }

  @Override
  public void begin(List<ParsedCommand> group) {
    Set<String> ids = new LinkedHashSet<>();
    for (ParsedCommand command : group) {
      String id = targetOf(command);
      if (id != null) {
        ids.add(id);
      }
    }
    AbsentAggregates.find(jdbc, schema, ids);
  }

  /** The aggregate the command is for, or null when it names none (it will be refused). */
  private String targetOf(ParsedCommand command) {
    if (command.command() == null) {
      return null;
    }
    try {
      Object id =
          targets
              .resolveTarget(GenericCommandMessage.asCommandMessage(command.command()))
              .getIdentifier();
      return id == null ? null : id.toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
