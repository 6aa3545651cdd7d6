package dev.socialbridge.links;

import dev.socialbridge.errors.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation of a request body, answered as 422 with one {@code {"field", "message"}} per violation (sorted by
 * field), e.g. {@code {"code":422,"message":"invalid lead","details":[{"field":"email","message":"must be a
 * well-formed email address"}]}}.
 */
public final class FieldErrors {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** One field's problem. */
    public record FieldError(String field, String message) { }

    private FieldErrors() {
    }

    /** The violations of {@code body}, sorted by field. */
    public static List<FieldError> of(Object body) {
        List<FieldError> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(body)) {
            out.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        out.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return out;
    }

    /** Throws a 422 {@link ApiException} listing {@code errors}, when there are any. */
    public static void check(String message, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(422, message, errors);
        }
    }
}
