package cymru.calon.query.access;

import cymru.calon.commands.api.access.Actor;
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

  /** The command side's view of this user: who issues the commands they send. */
  public Actor actor() {
    return switch (role) {
      case PROVIDER -> Actor.provider(username, organisation.orElseThrow());
      case COMMISSIONER -> Actor.commissioner(username, commissioner.orElseThrow());
      case POLICY -> Actor.policy(username);
    };
  }

  /**
   * Whether this user may see a service's dashboard, figures and evidence packs (DOMAIN.md, "Who
   * sees what"): the staff of the organisation that runs it and the commissioner who commissions
   * it. Policy staff see services only pooled, on the policy dashboard.
   */
  public boolean maySeeService(OrganisationId runBy, CommissionerId commissionedBy) {
    return isStaffOf(runBy) || isCommissioner(commissionedBy);
  }

  /** The same, for ids as the read models hold them. */
  public boolean maySeeService(java.util.UUID runBy, java.util.UUID commissionedBy) {
    return maySeeService(new OrganisationId(runBy), new CommissionerId(commissionedBy));
  }

  /** True for the commissioner with exactly this id. */
  public boolean isCommissioner(CommissionerId commissionerId) {
    return role == Role.COMMISSIONER && commissioner.orElseThrow().equals(commissionerId);
  }

  /** True for provider staff of exactly this organisation. */
  public boolean isStaffOf(OrganisationId organisationId) {
    return role == Role.PROVIDER && organisation.orElseThrow().equals(organisationId);
  }
}
