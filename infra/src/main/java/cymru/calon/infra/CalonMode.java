package cymru.calon.infra;

import org.springframework.core.env.PropertyResolver;

/**
 * The two ways the one jar runs: Calon itself (the default), or {@code
 * --calon.mode=policy-warehouse}, a policy warehouse that builds the policy figures from the
 * integration events on Kafka into a database of its own, with no event store, no command side and
 * no personal data.
 */
public final class CalonMode {
  public static final String PROPERTY = "calon.mode";
  public static final String POLICY_WAREHOUSE = "policy-warehouse";

  private CalonMode() {}

  public static boolean policyWarehouse(PropertyResolver properties) {
    String mode = properties.getProperty(PROPERTY);
    if (mode == null || mode.isBlank() || mode.equals("calon")) {
      return false;
    }
    if (mode.equals(POLICY_WAREHOUSE)) {
      return true;
    }
    throw new IllegalArgumentException(
        PROPERTY + " is 'calon' (the default) or '" + POLICY_WAREHOUSE + "', not '" + mode + "'");
  }
}
