package io.auditgate.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /echo}: Jersey's floor. A CDI-managed resource like the gateway's {@code InvokeResource}, reading the
 * body as an InputStream to the end and answering a fixed-size JSON object.
 */
@Path("echo")
@ApplicationScoped
public class EchoResource {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] echo(InputStream entity) throws IOException {
        return Answer.of(entity.readAllBytes().length);
    }
}
