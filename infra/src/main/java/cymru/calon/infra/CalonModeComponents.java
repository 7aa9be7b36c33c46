package cymru.calon.infra;

import java.util.List;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves out of the policy warehouse every component that belongs to the event store, the command
 * side, the projections' Axon processors, the demo and the import. It is a list of what to leave
 * out, not of what to keep, so that what every mode shares (the figures, the policy dashboard and
 * its pages, and whatever guards the web layer) is in the warehouse without being named here.
 */
class CalonModeComponents implements TypeFilter, EnvironmentAware {
  private static final List<String> CALON_ONLY =
      List.of(
          "cymru.calon.infra.cluster.",
          "cymru.calon.infra.commands.",
          "cymru.calon.infra.demo.",
          "cymru.calon.infra.imports.",
          "cymru.calon.infra.integration.",
          "cymru.calon.infra.projections.",
          "cymru.calon.infra.privacy.",
          "cymru.calon.projections.people.",
          "cymru.calon.query.people.",
          "cymru.calon.infra.health.",
          "cymru.calon.infra.store.AggregateCacheConfiguration",
          "cymru.calon.infra.store.AxonStoreConfiguration",
          "cymru.calon.infra.store.AxonTransactionConfiguration",
          "cymru.calon.infra.store.GroupAppendLock",
          "cymru.calon.query.commands.",
          "cymru.calon.query.imports.",
          "cymru.calon.query.episode.",
          "cymru.calon.query.web.CommandsOpenApi",
          "cymru.calon.query.pages.ServicesPageController",
          "cymru.calon.query.pages.DashboardPageController");

  private boolean warehouse;

  @Override
  public void setEnvironment(Environment environment) {
    warehouse = CalonMode.policyWarehouse(environment);
  }

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
    if (!warehouse) {
      return false;
    }
    String name = reader.getClassMetadata().getClassName();
    return CALON_ONLY.stream().anyMatch(name::startsWith);
  }
}
