package cymru.calon.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.query.access.LocalAccountUser;
import cymru.calon.query.access.LocalAccounts;
import cymru.calon.query.access.Role;
import cymru.calon.query.access.Viewer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The demo accounts are the demo history's own organisations and commissioners. */
class DemoAccountsTest {
  private static final long SEED = 42;
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void eachAccount_isTheStaffOrTheCommissioner_ofTheServicesTheHistoryCommissions() {
    LocalAccounts accounts = LocalAccounts.of(new DemoAccounts(SEED).accounts());
    Map<String, CommissionService> services =
        DemoData.commands(new DemoParameters(300, 12, SEED, END))
            .map(c -> c.command())
            .filter(CommissionService.class::isInstance)
            .map(CommissionService.class::cast)
            .collect(Collectors.toMap(CommissionService::name, c -> c));
    assertThat(services).hasSize(Catalogue.SERVICES.size());

    Viewer cwtsh = viewer(accounts, "provider-cwtsh");
    Viewer swiftpath = viewer(accounts, "provider-swiftpath");
    assertThat(cwtsh.role()).isEqualTo(Role.PROVIDER);
    assertThat(cwtsh.organisation()).isNotEqualTo(swiftpath.organisation());
    for (Catalogue.Plan plan : Catalogue.SERVICES) {
      CommissionService service = services.get(plan.name());
      Viewer staff = viewer(accounts, DemoAccounts.PROVIDERS.get(plan.organisation()));
      Viewer commissioner = viewer(accounts, DemoAccounts.COMMISSIONERS.get(plan.commissioner()));
      assertThat(staff.organisation()).as(plan.name()).contains(service.organisationId());
      assertThat(commissioner.commissioner()).as(plan.name()).contains(service.commissionerId());
      assertThat(staff.maySeeService(service.organisationId(), service.commissionerId())).isTrue();
      assertThat(commissioner.maySeeService(service.organisationId(), service.commissionerId()))
          .isTrue();
    }
    assertThat(viewer(accounts, DemoAccounts.POLICY)).isEqualTo(Viewer.policy("policy-analyst"));
    assertThat(accounts.size()).isEqualTo(Catalogue.ORGANISATIONS + Catalogue.COMMISSIONERS + 1);
  }

  @Test
  void theIds_dependOnTheSeedAlone_andTheDocumentedPasswordSignsIn() {
    DemoData.Parties parties = DemoData.parties(SEED);
    assertThat(DemoData.parties(SEED)).isEqualTo(parties);
    assertThat(DemoData.parties(SEED + 1).organisations())
        .doesNotContainAnyElementsOf(parties.organisations());
    List<OrganisationId> organisations = parties.organisations();
    List<CommissionerId> commissioners = parties.commissioners();
    assertThat(organisations).hasSize(Catalogue.ORGANISATIONS).doesNotHaveDuplicates();
    assertThat(commissioners).hasSize(Catalogue.COMMISSIONERS).doesNotHaveDuplicates();

    var user = accountsOf(SEED).loadUserByUsername("provider-nostos");
    assertThat(
            PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches(DemoAccounts.PASSWORD, user.getPassword()))
        .isTrue();
  }

  /** The README's example names these ids of the default demo (seed 20261122). */
  @Test
  void theDefaultDemo_hasTheIdsTheReadmeNames() {
    DemoData.Parties parties = DemoData.parties(DemoParameters.DEFAULT_SEED);
    assertThat(parties.organisations().get(Catalogue.CWTSH))
        .isEqualTo(OrganisationId.of("787be8d6-3778-3783-afdc-48196f8ba126"));
    assertThat(parties.commissioners().get(Catalogue.CARDIFF_VALE_APB))
        .isEqualTo(CommissionerId.of("10e72136-187f-33f5-b890-b230031766a0"));
  }

  private static LocalAccounts accountsOf(long seed) {
    return LocalAccounts.of(new DemoAccounts(seed).accounts());
  }

  private static Viewer viewer(LocalAccounts accounts, String username) {
    return ((LocalAccountUser) accounts.loadUserByUsername(username)).viewer();
  }
}
