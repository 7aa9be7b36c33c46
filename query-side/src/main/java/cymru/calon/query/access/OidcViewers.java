package cymru.calon.query.access;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified OIDC access token into the signed-in {@link Viewer}: the role from {@code
 * calon.security.oidc.role-claim} ({@code calon_role} by default: {@code PROVIDER}, {@code
 * COMMISSIONER} or {@code POLICY}, in any case), the organisation or commissioner from their claims
 * (UUIDs), the name from {@code username-claim} or else {@code sub}. Claims that make no valid
 * viewer give an authentication without one, which is refused with {@code 403}; nothing here throws
 * on a token's content.
 */
public final class OidcViewers implements Converter<Jwt, AbstractAuthenticationToken> {
  private final CalonSecurityProperties.Oidc claims;

  public OidcViewers(CalonSecurityProperties.Oidc claims) {
    this.claims = claims;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = text(jwt, claims.usernameClaim()).orElse(jwt.getSubject());
    if (name == null || name.isBlank()) {
      return ViewerJwtAuthentication.invalid(jwt, "unnamed", "the token names no user");
    }
    Optional<String> roleName = text(jwt, claims.roleClaim());
    if (roleName.isEmpty()) {
      return ViewerJwtAuthentication.invalid(
          jwt, name, "claim " + claims.roleClaim() + " is missing");
    }
    Role role;
    try {
      role = Role.valueOf(roleName.get().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ViewerJwtAuthentication.invalid(
          jwt, name, "claim " + claims.roleClaim() + " names no Calon role");
    }
    Optional<String> organisation = text(jwt, claims.organisationClaim());
    Optional<String> commissioner = text(jwt, claims.commissionerClaim());
    try {
      Viewer viewer =
          new Viewer(
              name,
              role,
              organisation.map(OrganisationId::of),
              commissioner.map(CommissionerId::of));
      return ViewerJwtAuthentication.valid(jwt, viewer);
    } catch (IllegalArgumentException e) {
      return ViewerJwtAuthentication.invalid(
          jwt,
          name,
          "claims "
              + claims.organisationClaim()
              + " and "
              + claims.commissionerClaim()
              + " do not fit role "
              + role);
    }
  }

  /** A claim as one non-blank string (a one-element list is taken as its element). */
  private static Optional<String> text(Jwt jwt, String claim) {
    Object value = jwt.getClaims().get(claim);
    if (value instanceof List<?> list && list.size() == 1) {
      value = list.getFirst();
    }
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
