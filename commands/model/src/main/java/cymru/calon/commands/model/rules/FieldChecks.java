package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every field error of one command, so a caller learns all of them at once. */
final class FieldChecks {
  private final List<FieldError> errors = new ArrayList<>();

  FieldChecks required(String field, Object value) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    }
    return this;
  }

  FieldChecks text(String field, String value, int maxLength) {
    if (value == null) {
      return required(field, null);
    }
    if (value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank"));
    } else if (value.length() > maxLength) {
      errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
    }
    return this;
  }

  FieldChecks matches(String field, String value, Pattern pattern, String expectation) {
    if (value == null) {
      return required(field, null);
    }
    if (!pattern.matcher(value).matches()) {
      errors.add(new FieldError(field, "must be " + expectation));
    }
    return this;
  }

  FieldChecks range(String field, Integer value, int min, int max) {
    if (value == null) {
      return required(field, null);
    }
    if (value < min || value > max) {
      errors.add(new FieldError(field, "must be between " + min + " and " + max));
    }
    return this;
  }

  FieldChecks optionalRange(String field, Integer value, int min, int max) {
    return value == null ? this : range(field, value, min, max);
  }

  FieldChecks check(boolean valid, String field, String message) {
    if (!valid) {
      errors.add(new FieldError(field, message));
    }
    return this;
  }

  List<FieldError> errors() {
    return List.copyOf(errors);
  }
}
