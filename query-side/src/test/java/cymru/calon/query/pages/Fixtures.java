package cymru.calon.query.pages;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.dashboard.ServiceListing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dashboards for the web-layer tests: the figures of a real demo service's JSON dashboard (a
 * KPI-driven housing-support service, with suppressed figures among them), kept in {@code
 * pages/dashboard.json}.
 */
final class Fixtures {
  /** The organisation that runs {@link #SERVICE}; tests sign in as its staff. */
  static final String ORGANISATION = "0b8f4f1e-6d2a-4c1b-9f3e-2a7d5c9e1b44";

  /** Who commissions {@link #SERVICE}. */
  static final String COMMISSIONER = "5c3e9d2a-7b1f-4e8a-9c6d-1f2e3a4b5c6d";

  /** Neither runs nor commissions {@link #SERVICE}. */
  static final String OTHER_ORGANISATION = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

  static final String OTHER_COMMISSIONER = "4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";

  static final UUID SERVICE_ID = UUID.fromString("d26b1daf-22db-375f-b4d2-7f637245b0e6");
  static final ServiceListing SERVICE =
      new ServiceListing(
          SERVICE_ID,
          "Bridgend Tenancy Support",
          Cohort.HOUSING_SUPPORT,
          "W06000013",
          UUID.fromString(Fixtures.ORGANISATION),
          UUID.fromString(Fixtures.COMMISSIONER));
  static final LocalDate FROM = LocalDate.parse("2025-12-01");
  static final LocalDate TO = LocalDate.parse("2026-12-01");
  static final Instant AS_OF = Instant.parse("2026-12-02T03:30:00Z");

  private Fixtures() {}

  static Map<String, Object> figures() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/pages/dashboard.json")) {
      return JsonMapper.builder().build().readValue(in, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DashboardView serviceView(ServiceListing service) {
    return new DashboardView(service, null, null, 1, FROM, TO, AS_OF, true, figures());
  }

  /** The same figures as the service's own staff read them: small numbers not suppressed. */
  static DashboardView ownServiceView(ServiceListing service) {
    return new DashboardView(service, null, null, 1, FROM, TO, AS_OF, false, figures());
  }

  static DashboardView policyView() {
    return new DashboardView(null, null, Cohort.SANCTUARY, 2, FROM, TO, AS_OF, true, figures());
  }
}
