package cymru.calon.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cymru.calon.query.access.CalonSecurityProperties.LocalAccount;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class CheckedPasswordsTest {
  private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret");
  private static final String ORGANISATION = "8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01";

  private final AtomicInteger bcryptChecks = new AtomicInteger();
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  /** The real bcrypt check against a real local account, counting how often it runs. */
  private AuthenticationProvider counted() {
    LocalAccounts accounts =
        LocalAccounts.of(List.of(new LocalAccount("ana", HASH, "PROVIDER", ORGANISATION, null)));
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
    dao.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        bcryptChecks.incrementAndGet();
        return dao.authenticate(authentication);
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return dao.supports(authentication);
      }
    };
  }

  private CheckedPasswords remembering(Duration remember) {
    return new CheckedPasswords(counted(), remember, clock::get);
  }

  private static UsernamePasswordAuthenticationToken basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  @Test
  void aRightPassword_isCheckedOnce_thenTakenAsRight_withTheSameViewer() {
    CheckedPasswords passwords = remembering(Duration.ofMinutes(5));

    Authentication first = passwords.authenticate(basic("ana", "s3cret"));
    Authentication second = passwords.authenticate(basic("ana", "s3cret"));
    Authentication third = passwords.authenticate(basic("ana", "s3cret"));

    assertThat(bcryptChecks).hasValue(1);
    for (Authentication signedIn : List.of(first, second, third)) {
      assertThat(signedIn.isAuthenticated()).isTrue();
      assertThat(Viewers.of(signedIn)).contains(((LocalAccountUser) first.getPrincipal()).viewer());
      assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_PROVIDER");
    }
    assertThat(second).isNotSameAs(first);
    assertThat(second.getCredentials()).isNull();
  }

  @Test
  void aWrongPassword_isNeverRemembered_andDoesNotRideOnARightOne() {
    CheckedPasswords passwords = remembering(Duration.ofMinutes(5));
    passwords.authenticate(basic("ana", "s3cret"));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> passwords.authenticate(basic("ana", "s3cret ")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThatThrownBy(() -> passwords.authenticate(basic("nobody", "s3cret")))
        .isInstanceOf(BadCredentialsException.class);

    assertThat(bcryptChecks).hasValue(5);
    assertThat(passwords.size()).isEqualTo(1);
  }

  @Test
  void aRememberedPassword_isCheckedAgain_onceItsTimeIsUp() {
    CheckedPasswords passwords = remembering(Duration.ofMinutes(5));
    passwords.authenticate(basic("ana", "s3cret"));

    clock.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
    passwords.authenticate(basic("ana", "s3cret"));
    assertThat(bcryptChecks).hasValue(1);

    clock.addAndGet(1);
    passwords.authenticate(basic("ana", "s3cret"));
    passwords.authenticate(basic("ana", "s3cret"));
    assertThat(bcryptChecks).hasValue(2);
  }

  @Test
  void zero_checksEveryTime() {
    CheckedPasswords passwords = remembering(Duration.ZERO);

    passwords.authenticate(basic("ana", "s3cret"));
    passwords.authenticate(basic("ana", "s3cret"));

    assertThat(bcryptChecks).hasValue(2);
    assertThat(passwords.size()).isZero();
  }
}
