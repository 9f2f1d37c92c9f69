package io.auditgate.invoke;

import io.auditgate.auth.Authenticated;
import io.auditgate.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** {@code POST /invoke}: body → validated request → pipeline → JSON answer. Failures are problems (see {@code problem}). */
@Path("invoke")
@ApplicationScoped
public class InvokeResource {

    @Inject
    InvokeBody body;

    @Inject
    InvokeRequestParser parser;

    @Inject
    InvokePipeline pipeline;

    @Inject
    RequestTrace trace;

    @Inject
    Authenticated authenticated;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public InvokeResponse invoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                 @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                                 InputStream entity) {
        var json = body.read(contentType, contentLength, entity);
        var request = parser.parse(json, trace.requestId());
        return pipeline.invoke(authenticated.caller(), request);
    }
}
