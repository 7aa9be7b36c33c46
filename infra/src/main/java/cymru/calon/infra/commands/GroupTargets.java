package cymru.calon.infra.commands;

import cymru.calon.infra.store.AbsentAggregates;
import cymru.calon.query.commands.BatchStart;
import cymru.calon.query.commands.ParsedCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
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
  private final List<Cache> caches;

  GroupTargets(
      JdbcTemplate jdbc, EventSchema schema, CommandTargetResolver targets, List<Cache> caches) {
    this.jdbc = jdbc;
    this.schema = schema;
    this.targets = targets;
    this.caches = caches;
  }

  @Override
  public void begin(List<ParsedCommand> group) {
    Set<String> ids = new LinkedHashSet<>();
    for (ParsedCommand command : group) {
      String id = targetOf(command);
      if (id != null && !cached(id)) {
        ids.add(id);
      }
    }
    if (!ids.isEmpty()) {
      AbsentAggregates.find(jdbc, schema, ids);
    }
  }

  /** An aggregate in a cache is loaded from it, not from the store. */
  private boolean cached(String id) {
    for (Cache cache : caches) {
      if (cache.containsKey(id)) {
        return true;
      }
    }
    return false;
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
