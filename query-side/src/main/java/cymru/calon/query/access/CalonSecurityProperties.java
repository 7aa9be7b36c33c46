package cymru.calon.query.access;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calon.security.*}: the local accounts (embedded and small installations) and the names of
 * the OIDC token claims that carry a user's role and scope. Every value is bound as text and
 * checked by {@link LocalAccounts}, so a mistake fails the start with Calon's own message, which
 * names the account and the setting but never a password hash. {@code remember-checked-passwords}
 * is how long a local account's user name and password, once found right, are taken as right
 * without a new bcrypt check ({@link CheckedPasswords}; 0 checks every time).
 */
@ConfigurationProperties("calon.security")
public record CalonSecurityProperties(
    @DefaultValue List<LocalAccount> localAccounts,
    @DefaultValue Oidc oidc,
    @DefaultValue("5m") Duration rememberCheckedPasswords) {
  public CalonSecurityProperties {
    localAccounts = localAccounts == null ? List.of() : List.copyOf(localAccounts);
    oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
    rememberCheckedPasswords =
        rememberCheckedPasswords == null ? Duration.ofMinutes(5) : rememberCheckedPasswords;
  }

  /**
   * One local account ({@code calon.security.local-accounts[n].*}).
   *
   * @param passwordHash in the {@code DelegatingPasswordEncoder} form {@code {bcrypt}$2a$10$…}
   * @param role {@code PROVIDER}, {@code COMMISSIONER} or {@code POLICY}
   * @param organisationId for {@code PROVIDER} only: the organisation whose staff they are
   * @param commissionerId for {@code COMMISSIONER} only
   */
  public record LocalAccount(
      String username,
      String passwordHash,
      String role,
      String organisationId,
      String commissionerId) {
    /** The account as logs and messages may show it: never its hash. */
    @Override
    public String toString() {
      return "LocalAccount[username=" + username + ", role=" + role + "]";
    }
  }

  /**
   * The claims of an OIDC access token that make a {@link Viewer} ({@code calon.security.oidc.*}).
   *
   * @param usernameClaim the user's name for audit; the token's {@code sub} when this claim is
   *     absent
   */
  public record Oidc(
      @DefaultValue("calon_role") String roleClaim,
      @DefaultValue("calon_organisation_id") String organisationClaim,
      @DefaultValue("calon_commissioner_id") String commissionerClaim,
      @DefaultValue("preferred_username") String usernameClaim) {
    public Oidc {
      roleClaim = roleClaim == null ? "calon_role" : roleClaim;
      organisationClaim = organisationClaim == null ? "calon_organisation_id" : organisationClaim;
      commissionerClaim = commissionerClaim == null ? "calon_commissioner_id" : commissionerClaim;
      usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
    }
  }
}
