package cymru.calon.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.query.access.CalonSecurityProperties.LocalAccount;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class LocalAccountsTest {
  private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret");
  private static final String ORGANISATION = "8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01";
  private static final String COMMISSIONER = "c1a4d6e2-1b7e-4a8e-9a53-2f4f8e7b6c02";

  @Test
  void validAccounts_becomeViewers_andTheirHashesCheckWithTheDelegatingEncoder() {
    LocalAccounts accounts =
        LocalAccounts.of(
            List.of(
                new LocalAccount("ana", HASH, "PROVIDER", ORGANISATION, null),
                new LocalAccount("cai", HASH, "commissioner", null, COMMISSIONER),
                new LocalAccount("pat", HASH, "Policy", "", " ")));

    assertThat(accounts.size()).isEqualTo(3);
    LocalAccountUser ana = (LocalAccountUser) accounts.loadUserByUsername("ana");
    assertThat(ana.viewer()).isEqualTo(Viewer.provider("ana", OrganisationId.of(ORGANISATION)));
    assertThat(((LocalAccountUser) accounts.loadUserByUsername("cai")).viewer())
        .isEqualTo(Viewer.commissioner("cai", CommissionerId.of(COMMISSIONER)));
    assertThat(((LocalAccountUser) accounts.loadUserByUsername("pat")).viewer())
        .isEqualTo(Viewer.policy("pat"));
    assertThat(
            PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("s3cret", ana.getPassword()))
        .isTrue();
    assertThatThrownBy(() -> accounts.loadUserByUsername("nobody"))
        .isInstanceOf(UsernameNotFoundException.class);
  }

  @Test
  void invalidAccounts_failWithOneMessageNamingEachProblem_neverTheHash() {
    String plainText = "{noop}password123";
    String shortHash = HASH.substring(0, 40);
    List<LocalAccount> accounts =
        List.of(
            new LocalAccount("ana", plainText, "PROVIDER", ORGANISATION, null),
            new LocalAccount("ana", HASH, "PROVIDER", ORGANISATION, null),
            new LocalAccount("bo", shortHash, "PROVIDER", null, null),
            new LocalAccount("cai", HASH, "COMMISSIONER", ORGANISATION, null),
            new LocalAccount("di", HASH, "ADMIN", null, null),
            new LocalAccount(" ", null, null, "not-a-uuid", null),
            new LocalAccount("pat", HASH, "POLICY", null, COMMISSIONER));

    assertThatThrownBy(() -> LocalAccounts.of(accounts))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "calon.security.local-accounts[0] (ana): password-hash is not a bcrypt hash")
        .hasMessageContaining(
            "calon.security.local-accounts[1] (ana): username is used by an earlier account")
        .hasMessageContaining("[2] (bo): password-hash is not a bcrypt hash")
        .hasMessageContaining("provider staff need an organisation-id")
        .hasMessageContaining(
            "[3] (cai): a commissioner needs a commissioner-id; a commissioner has no"
                + " organisation-id")
        .hasMessageContaining("[4] (di): role must be PROVIDER, COMMISSIONER or POLICY")
        .hasMessageContaining(
            "[5]: username is missing; password-hash is missing; role is missing (PROVIDER,"
                + " COMMISSIONER or POLICY); organisation-id is not a UUID")
        .hasMessageContaining(
            "[6] (pat): policy staff have neither organisation-id nor commissioner-id")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(plainText)
                    .doesNotContain("password123")
                    .doesNotContain(shortHash)
                    .doesNotContain(HASH.substring(8, 30)));
  }

  @Test
  void anAccount_neverShowsItsHash() {
    assertThat(new LocalAccount("ana", HASH, "PROVIDER", ORGANISATION, null).toString())
        .doesNotContain(HASH.substring(8));
  }
}
