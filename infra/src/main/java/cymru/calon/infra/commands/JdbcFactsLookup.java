package cymru.calon.infra.commands;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import cymru.calon.commands.model.worker.WorkerFacts;
import cymru.calon.commands.model.worker.WorkerLookup;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The episode's cross-aggregate lookups, read from the command side's own facts tables on the
 * command's connection (so a service or worker recorded earlier in the same transaction is seen). A
 * service's organisation never changes once commissioned, so found services are remembered.
 */
@Component
class JdbcFactsLookup implements ServiceLookup, WorkerLookup {
  private final JdbcTemplate jdbc;
  private final ConcurrentMap<ServiceId, ServiceFacts> services = new ConcurrentHashMap<>();

  JdbcFactsLookup(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ServiceFacts> find(ServiceId serviceId) {
    ServiceFacts known = services.get(serviceId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ServiceFacts> found =
        jdbc
            .query(
                "SELECT organisation_id FROM service_facts WHERE service_id = ?",
                (row, n) ->
                    new ServiceFacts(serviceId, new OrganisationId(row.getObject(1, UUID.class))),
                serviceId.value())
            .stream()
            .findFirst();
    found.ifPresent(facts -> services.put(serviceId, facts));
    return found;
  }

  @Override
  public Optional<WorkerFacts> find(WorkerId workerId) {
    return jdbc
        .query(
            "SELECT organisation_id, joined_at, left_at FROM worker_facts WHERE worker_id = ?",
            (row, n) -> {
              Timestamp left = row.getTimestamp(3);
              return new WorkerFacts(
                  workerId,
                  new OrganisationId(row.getObject(1, UUID.class)),
                  row.getTimestamp(2).toInstant(),
                  left == null ? null : left.toInstant());
            },
            workerId.value())
        .stream()
        .findFirst();
  }
}
