package dev.socialbridge.resources;

import dev.socialbridge.errors.ApiException;
import dev.socialbridge.people.People;
import dev.socialbridge.people.PersonHistory;
import dev.socialbridge.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /admin/people/{id}/touches} and {@code GET /admin/people/touches?email=|identity=|phone=}: a person with
 * its identities, threads and touches. Under {@code /admin}: the admin token is required. Unknown person: 404.
 */
@Path("/admin/people")
@Produces(MediaType.APPLICATION_JSON)
public final class PeopleResource {
    private final Database db;
    private final People people;

    public PeopleResource(Database db, People people) {
        this.db = db;
        this.people = people;
    }

    @GET
    @Path("/{id}/touches")
    public PersonHistory byId(@PathParam("id") String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new ApiException(400, "invalid request parameters", List.of("id: '" + id + "' is not a person id"));
        }
        return found(id, "id " + id);
    }

    @GET
    @Path("/touches")
    public PersonHistory lookUp(@QueryParam("email") String email, @QueryParam("identity") String identity,
                                @QueryParam("phone") String phone) {
        List<String> given = new ArrayList<>();
        for (String v : new String[] {email, identity, phone}) {
            if (v != null && !v.isBlank()) {
                given.add(v);
            }
        }
        if (given.size() != 1) {
            throw new ApiException(400, "invalid request parameters",
                    List.of("email, identity or phone: give exactly one (got " + given.size() + ")"));
        }
        if (identity != null && !identity.isBlank() && !identity.matches("[a-z0-9_-]+:.+")) {
            throw new ApiException(400, "invalid request parameters",
                    List.of("identity: '" + identity + "' is not platform:authorId"));
        }
        if (email != null && !email.isBlank() && !email.contains("@")) {
            throw new ApiException(400, "invalid request parameters", List.of("email: '" + email + "' is not an email address"));
        }
        return found(given.get(0), given.get(0));
    }

    private PersonHistory found(String ref, String what) {
        return PersonHistory.find(db, people, ref)
                .orElseThrow(() -> new ApiException(404, "no person with " + what));
    }
}
