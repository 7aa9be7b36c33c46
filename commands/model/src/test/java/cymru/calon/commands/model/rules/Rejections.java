package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** Matches a refusal by its business error code. */
public final class Rejections {
  private Rejections() {}

  public static Matcher<Throwable> withCode(BusinessErrorCode code) {
    return Matchers.predicate(
        (Throwable e) -> e instanceof CommandRejectedException r && r.rejection().code() == code);
  }
}
