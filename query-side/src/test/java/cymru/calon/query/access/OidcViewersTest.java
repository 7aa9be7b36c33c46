package cymru.calon.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A token signed here, decoded by Spring's own decoder (no network), mapped to a viewer. */
class OidcViewersTest {
  private static final byte[] SECRET = "a local test secret of at least 256 bits!".getBytes();
  private static final String ORGANISATION = "8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01";
  private static final String COMMISSIONER = "c1a4d6e2-1b7e-4a8e-9a53-2f4f8e7b6c02";

  private final NimbusJwtDecoder decoder =
      NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256"))
          .macAlgorithm(MacAlgorithm.HS256)
          .build();
  private final OidcViewers defaults =
      new OidcViewers(new CalonSecurityProperties.Oidc(null, null, null, null));

  @Test
  void theDefaultClaims_makeEachRole() {
    assertThat(
            viewer(
                defaults, Map.of("calon_role", "PROVIDER", "calon_organisation_id", ORGANISATION)))
        .contains(Viewer.provider("ana", OrganisationId.of(ORGANISATION)));
    assertThat(
            viewer(
                defaults,
                Map.of("calon_role", "commissioner", "calon_commissioner_id", COMMISSIONER)))
        .contains(Viewer.commissioner("ana", CommissionerId.of(COMMISSIONER)));
    assertThat(viewer(defaults, Map.of("calon_role", List.of("POLICY"))))
        .contains(Viewer.policy("ana"));
  }

  @Test
  void claimNames_areConfigurable_andTheSubjectNamesAUserWithoutAUsernameClaim() {
    OidcViewers custom =
        new OidcViewers(new CalonSecurityProperties.Oidc("role", "org", "comm", "email"));
    Jwt jwt = jwt(Map.of("role", "PROVIDER", "org", ORGANISATION), false);
    assertThat(Viewers.of(custom.convert(jwt)))
        .contains(Viewer.provider("subject-1", OrganisationId.of(ORGANISATION)));
    // the default claim names mean nothing to it
    assertThat(
            viewer(custom, Map.of("calon_role", "PROVIDER", "calon_organisation_id", ORGANISATION)))
        .isEmpty();
  }

  @Test
  void claimsThatMakeNoValidViewer_giveAnAuthenticationWithoutOne_neverAnException() {
    List<Map<String, Object>> invalid =
        List.of(
            Map.of(),
            Map.of("calon_role", "ADMIN"),
            Map.of("calon_role", "PROVIDER"),
            Map.of("calon_role", "PROVIDER", "calon_organisation_id", "not-a-uuid"),
            Map.of(
                "calon_role",
                "PROVIDER",
                "calon_organisation_id",
                ORGANISATION,
                "calon_commissioner_id",
                COMMISSIONER),
            Map.of("calon_role", "COMMISSIONER", "calon_organisation_id", ORGANISATION),
            Map.of("calon_role", "POLICY", "calon_organisation_id", ORGANISATION),
            Map.of("calon_role", 42));
    for (Map<String, Object> claims : invalid) {
      var authentication = (ViewerJwtAuthentication) defaults.convert(jwt(claims, true));
      assertThat(Viewers.of(authentication)).as(claims.toString()).isEmpty();
      assertThat(authentication.getAuthorities()).as(claims.toString()).isEmpty();
      assertThat(authentication.invalidBecause())
          .as(claims.toString())
          .isNotBlank()
          .doesNotContain("not-a-uuid")
          .doesNotContain("ADMIN");
    }
  }

  private Optional<Viewer> viewer(OidcViewers viewers, Map<String, Object> claims) {
    return Viewers.of(viewers.convert(jwt(claims, true)));
  }

  /** A token signed with the test secret and decoded (signature and expiry checked) by Spring. */
  private Jwt jwt(Map<String, Object> claims, boolean withUsername) {
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject("subject-1")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    if (withUsername) {
      set.claim("preferred_username", "ana");
    }
    claims.forEach(set::claim);
    try {
      SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set.build());
      signed.sign(new MACSigner(SECRET));
      return decoder.decode(signed.serialize());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
