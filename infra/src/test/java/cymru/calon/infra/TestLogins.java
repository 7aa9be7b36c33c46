package cymru.calon.infra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import cymru.calon.infra.demo.DemoAccounts;
import cymru.calon.infra.demo.DemoData;
import cymru.calon.query.access.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How tests sign in: local accounts given as arguments ({@link #accountArguments}) and HTTP Basic,
 * the demo accounts, and bearer tokens signed here with a test secret that {@link Tokens} makes the
 * application's {@link JwtDecoder} trust (no identity provider, no network).
 */
public final class TestLogins {
  private TestLogins() {}

  /** The password of every test account. */
  public static final String PASSWORD = "test-password";

  /** Staff of {@link WireJson#ORGANISATION}. */
  public static final String PROVIDER = "test-provider";

  /** The commissioner of {@link WireJson#commissionService}'s services. */
  public static final String COMMISSIONER = "test-commissioner";

  public static final UUID COMMISSIONER_ID =
      UUID.fromString("c1a4d6e2-1b7e-4a8e-9a53-2f4f8e7b6c02");

  public static final String POLICY = "test-policy";

  // The access matrix's own fixture (AccessMatrixIT): two organisations and two commissioners
  // that no other test uses, with an account each.
  public static final UUID ORG_A = UUID.fromString("a0000000-0000-4000-8000-00000000000a");
  public static final UUID ORG_B = UUID.fromString("b0000000-0000-4000-8000-00000000000b");
  public static final UUID COMMISSIONER_A = UUID.fromString("ca000000-0000-4000-8000-0000000000ca");
  public static final UUID COMMISSIONER_B = UUID.fromString("cb000000-0000-4000-8000-0000000000cb");
  public static final Account[] MATRIX_ACCOUNTS = {
    new Account("provider-a", "PROVIDER", ORG_A),
    new Account("provider-b", "PROVIDER", ORG_B),
    new Account("commissioner-a", "COMMISSIONER", COMMISSIONER_A),
    new Account("commissioner-b", "COMMISSIONER", COMMISSIONER_B)
  };

  private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

  private static final byte[] SECRET =
      "calon integration tests only: not a real key".getBytes(StandardCharsets.UTF_8);

  /** Local accounts (provider, commissioner, policy) as command-line arguments. */
  public static List<String> accountArguments(Account... extra) {
    List<Account> all = new ArrayList<>();
    all.add(new Account(PROVIDER, "PROVIDER", WireJson.ORGANISATION));
    all.add(new Account(COMMISSIONER, "COMMISSIONER", COMMISSIONER_ID));
    all.add(new Account(POLICY, "POLICY", null));
    all.addAll(List.of(extra));
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Account account = all.get(i);
      String prefix = "--calon.security.local-accounts[" + i + "].";
      arguments.add(prefix + "username=" + account.username());
      arguments.add(prefix + "password-hash=" + HASH);
      arguments.add(prefix + "role=" + account.role());
      if (account.role().equals("PROVIDER")) {
        arguments.add(prefix + "organisation-id=" + account.id());
      } else if (account.role().equals("COMMISSIONER")) {
        arguments.add(prefix + "commissioner-id=" + account.id());
      }
    }
    return arguments;
  }

  /** One more local account, with {@link #PASSWORD}. */
  public record Account(String username, String role, UUID id) {}

  /** The {@code Authorization} header of HTTP Basic for a test account. */
  public static String basic(String username) {
    return basic(username, PASSWORD);
  }

  public static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** HTTP Basic for the demo account of the staff of {@code organisation} in the demo of seed. */
  public static String demoProvider(long seed, UUID organisation) {
    List<cymru.calon.commands.api.ids.OrganisationId> organisations =
        DemoData.parties(seed).organisations();
    for (int i = 0; i < organisations.size(); i++) {
      if (organisations.get(i).value().equals(organisation)) {
        return basic(DemoAccounts.PROVIDERS.get(i), DemoAccounts.PASSWORD);
      }
    }
    throw new IllegalArgumentException("No demo organisation " + organisation);
  }

  /**
   * HTTP Basic for the demo account of the commissioner {@code commissioner} in the demo of seed.
   */
  public static String demoCommissioner(long seed, UUID commissioner) {
    List<cymru.calon.commands.api.ids.CommissionerId> commissioners =
        DemoData.parties(seed).commissioners();
    for (int i = 0; i < commissioners.size(); i++) {
      if (commissioners.get(i).value().equals(commissioner)) {
        return basic(DemoAccounts.COMMISSIONERS.get(i), DemoAccounts.PASSWORD);
      }
    }
    throw new IllegalArgumentException("No demo commissioner " + commissioner);
  }

  public static String demoPolicy() {
    return basic(DemoAccounts.POLICY, DemoAccounts.PASSWORD);
  }

  /** A bearer token for {@code viewer}, in the default claims ({@code calon_role} …). */
  public static String bearer(Viewer viewer) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(viewer.username())
            .claim("preferred_username", viewer.username())
            .claim("calon_role", viewer.role().name());
    viewer.organisation().ifPresent(o -> claims.claim("calon_organisation_id", o.toString()));
    viewer.commissioner().ifPresent(c -> claims.claim("calon_commissioner_id", c.toString()));
    return bearer(claims);
  }

  /** A bearer token with exactly these claims (and a subject). */
  public static String bearer(Map<String, Object> extraClaims) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("token-subject");
    extraClaims.forEach(claims::claim);
    return bearer(claims);
  }

  private static String bearer(JWTClaimsSet.Builder claims) {
    claims.issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(SECRET));
      return "Bearer " + jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The application trusts tokens signed with the test secret, as it would an issuer's keys. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Tokens {
    @Bean
    JwtDecoder testJwtDecoder() {
      return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256"))
          .macAlgorithm(MacAlgorithm.HS256)
          .build();
    }
  }
}
