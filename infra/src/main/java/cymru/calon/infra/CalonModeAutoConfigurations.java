package cymru.calon.infra;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/** The policy warehouse has no event store: none of Axon's auto-configuration applies to it. */
public class CalonModeAutoConfigurations
    implements AutoConfigurationImportFilter, EnvironmentAware {
  private boolean warehouse;

  @Override
  public void setEnvironment(Environment environment) {
    warehouse = CalonMode.policyWarehouse(environment);
  }

  @Override
  public boolean[] match(String[] classNames, AutoConfigurationMetadata metadata) {
    boolean[] matches = new boolean[classNames.length];
    for (int i = 0; i < classNames.length; i++) {
      String name = classNames[i];
      matches[i] =
          !warehouse
              || name == null
              || !(name.startsWith("org.axonframework.")
                  || name.startsWith("cymru.calon.infra.store.AxonAfterBoot"));
    }
    return matches;
  }
}
