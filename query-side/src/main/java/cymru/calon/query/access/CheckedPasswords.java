package cymru.calon.query.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Local-account sign-in that remembers, for a short while, a user name and password it has just
 * found right. A program sending HTTP Basic credentials sends them with every request, and a bcrypt
 * check costs milliseconds of CPU by design (on two cores it was 40% of the command path's CPU at
 * cost 4, and cost 10 is ten times that); checking the same pair again minutes later learns nothing
 * new.
 *
 * <p>What is remembered is an HMAC-SHA256 of the pair under a key made at random when Calon starts
 * and never stored, with the signed-in principal: no password, and nothing that outlives the
 * process or lets anyone test a guess without the key. A wrong password is never remembered, so
 * every guess still pays for its bcrypt check. Entries expire after {@code remember} (0 turns this
 * off); at most {@link #MAX_ENTRIES} are kept, all forgotten at once when that is reached.
 */
final class CheckedPasswords implements AuthenticationProvider {
  static final int MAX_ENTRIES = 10_000;

  private final AuthenticationProvider checker;
  private final long rememberNanos;
  private final LongSupplier nanoTime;
  private final SecretKeySpec key;
  private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

  private record Remembered(
      Object principal, Collection<? extends GrantedAuthority> authorities, long checkedAt) {}

  CheckedPasswords(AuthenticationProvider checker, Duration remember, LongSupplier nanoTime) {
    this.checker = checker;
    this.rememberNanos = remember.toNanos();
    this.nanoTime = nanoTime;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    if (rememberNanos <= 0
        || !(authentication.getCredentials() instanceof String password)
        || authentication.getName() == null) {
      return checker.authenticate(authentication);
    }
    String pair = digest(authentication.getName(), password);
    long now = nanoTime.getAsLong();
    Remembered known = remembered.get(pair);
    if (known != null && now - known.checkedAt() < rememberNanos) {
      UsernamePasswordAuthenticationToken again =
          UsernamePasswordAuthenticationToken.authenticated(
              known.principal(), null, known.authorities());
      again.setDetails(authentication.getDetails());
      return again;
    }
    Authentication checked = checker.authenticate(authentication);
    if (checked != null && checked.isAuthenticated()) {
      if (remembered.size() >= MAX_ENTRIES) {
        remembered.clear();
      }
      remembered.put(pair, new Remembered(checked.getPrincipal(), checked.getAuthorities(), now));
    }
    return checked;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return checker.supports(authentication);
  }

  /** How many pairs are remembered now (for tests). */
  int size() {
    return remembered.size();
  }

  private String digest(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
