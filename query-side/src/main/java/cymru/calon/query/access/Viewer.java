package cymru.calon.query.access;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: the signed-in user as Calon's rules need them, whether they came by a local
 * account or an OIDC token. A provider always has an organisation, a commissioner always a
 * commissioner id, policy neither.
 *
 * @param username the account's name or the token's subject; for audit, never shown to others
 */
public record Viewer(
    String username,
    Role role,
    Optional<OrganisationId> organisation,
    Optional<CommissionerId> commissioner) {
  public Viewer {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(commissioner, "commissioner");
    switch (role) {
      case PROVIDER -> {
        if (organisation.isEmpty() || commissioner.isPresent()) {
          throw new IllegalArgumentException("Provider staff belong to exactly one organisation");
        }
      }
      case COMMISSIONER -> {
        if (commissioner.isEmpty() || organisation.isPresent()) {
          throw new IllegalArgumentException(
              "A commissioner has a commissioner id and no organisation");
        }
      }
      case POLICY -> {
        if (organisation.isPresent() || commissioner.isPresent()) {
          throw new IllegalArgumentException(
              "Policy staff have neither organisation nor commissioner");
        }
      }
    }
  }

  public static Viewer provider(String username, OrganisationId organisation) {
    return new Viewer(username, Role.PROVIDER, Optional.of(organisation), Optional.empty());
  }

  public static Viewer commissioner(String username, CommissionerId commissioner) {
    return new Viewer(username, Role.COMMISSIONER, Optional.empty(), Optional.of(commissioner));
  }

  public static Viewer policy(String username) {
    return new Viewer(username, Role.POLICY, Optional.empty(), Optional.empty());
  }

  /** True for provider staff of exactly this organisation. */
  public boolean isStaffOf(OrganisationId organisationId) {
    return role == Role.PROVIDER && organisation.orElseThrow().equals(organisationId);
  }
}
