package dev.socialbridge.resources;

import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.errors.Errors;
import dev.socialbridge.people.ContactDetails;
import dev.socialbridge.people.ConversionRequest;
import dev.socialbridge.people.ConversionResult;
import dev.socialbridge.people.Conversions;
import dev.socialbridge.people.PhoneNumbers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /conversions}: an order or won deal from a shop or CRM, authenticated with
 * {@code Authorization: Bearer <socialbridge.attribution.conversions-token or socialbridge.admin.token>} (constant-time
 * check). Invalid body: 422 naming each field. Stored and attributed before the answer: 201 with the result, 200 with
 * the stored result for an id posted before.
 */
@Path("/conversions")
public final class ConversionResource {
    private static final String PREFIX = "Bearer ";
    private final Conversions conversions;
    private final PhoneNumbers phones;
    private final List<Secret> tokens;
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    /** @param tokens the accepted bearer tokens (nulls skipped) */
    public ConversionResource(Conversions conversions, PhoneNumbers phones, Secret... tokens) {
        this.conversions = conversions;
        this.phones = phones;
        this.tokens = java.util.Arrays.stream(tokens).filter(java.util.Objects::nonNull).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response convert(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            ConversionRequest request) {
        String presented = authorization != null && authorization.startsWith(PREFIX)
                ? authorization.substring(PREFIX.length()).trim() : null;
        boolean ok = false;
        for (Secret token : tokens) {
            ok |= token.matches(presented);   // every token compared: no early exit
        }
        if (!ok) {
            return Errors.response(401, "POST /conversions needs 'Authorization: Bearer <socialbridge.attribution"
                    + ".conversions-token or socialbridge.admin.token>'", null);
        }
        // validated after the token (an unauthenticated caller learns nothing), every field at once
        if (request == null) {
            throw new ApiException(422, "invalid request body", List.of("a JSON body is required"));
        }
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<ConversionRequest> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString();
            problems.add(("identified".equals(field) ? "" : field + ": ") + v.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, "invalid request body", problems.stream().sorted().toList());
        }
        if (request.phone() != null && !request.phone().isBlank()
                && phones.normalise(request.phone()).isEmpty()) {
            problems.add("phone: '" + request.phone() + "' is not a valid phone number");
        }
        try {
            java.util.Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            problems.add("currency: '" + request.currency() + "' is not an ISO 4217 currency");
        }
        if (request.email() != null && !request.email().isBlank() && ContactDetails.email(request.email()).isEmpty()) {
            problems.add("email: '" + request.email() + "' is not a valid email address");
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, "invalid request body", problems);
        }
        ConversionResult result = conversions.record(request, Instant.now());
        return Response.status(result.duplicate() ? 200 : 201).type(MediaType.APPLICATION_JSON_TYPE).entity(result).build();
    }
}
