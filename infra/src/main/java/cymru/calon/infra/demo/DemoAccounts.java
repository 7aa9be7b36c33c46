package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.query.access.CalonSecurityProperties.LocalAccount;
import cymru.calon.query.access.LocalAccountSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts, with {@code --calon.demo=true} only: one for the staff of each demo provider
 * organisation, one for each commissioner, and a policy analyst, all with the password {@value
 * #PASSWORD}. Their ids are the demo history's own ({@link DemoData#parties}, from {@code
 * calon.demo.seed}), so each account sees exactly what its organisation or commissioner has in the
 * demo store. Never present in any other mode: the bean exists only in demo mode.
 */
@Component
@ConditionalOnBooleanProperty("calon.demo")
public class DemoAccounts implements LocalAccountSource {
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  /** The demo accounts' password, documented in the README. Demo mode only. */
  public static final String PASSWORD = "calon-demo";

  /** The staff accounts, by {@link Catalogue} organisation index. */
  public static final List<String> PROVIDERS =
      List.of("provider-cwtsh", "provider-swiftpath", "provider-nostos");

  /** The commissioners' accounts, by {@link Catalogue} commissioner index. */
  public static final List<String> COMMISSIONERS =
      List.of(
          "commissioner-cardiff-vale-apb",
          "commissioner-western-bay-apb",
          "commissioner-welsh-government",
          "commissioner-wrexham-council",
          "commissioner-bridgend-council",
          "commissioner-newport-council",
          "commissioner-cwm-taf-morgannwg-uhb");

  public static final String POLICY = "policy-analyst";

  private final long seed;

  DemoAccounts(@Value("${calon.demo.seed:" + DemoParameters.DEFAULT_SEED + "}") long seed) {
    this.seed = seed;
  }

  @Override
  public List<LocalAccount> accounts() {
    DemoData.Parties parties = DemoData.parties(seed);
    String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
    List<LocalAccount> accounts = new ArrayList<>();
    for (int i = 0; i < PROVIDERS.size(); i++) {
      OrganisationId organisation = parties.organisations().get(i);
      accounts.add(
          new LocalAccount(PROVIDERS.get(i), hash, "PROVIDER", organisation.toString(), null));
    }
    for (int i = 0; i < COMMISSIONERS.size(); i++) {
      CommissionerId commissioner = parties.commissioners().get(i);
      accounts.add(
          new LocalAccount(
              COMMISSIONERS.get(i), hash, "COMMISSIONER", null, commissioner.toString()));
    }
    accounts.add(new LocalAccount(POLICY, hash, "POLICY", null, null));
    log.info(
        "Demo mode: {} demo accounts ({}, {}, {}), password as documented in the README",
        accounts.size(),
        String.join(", ", PROVIDERS),
        String.join(", ", COMMISSIONERS),
        POLICY);
    return accounts;
  }
}
